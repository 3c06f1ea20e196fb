import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectionOnFirstUse } from '../../../src/main/engine/db/open-database';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('a connection opened on first use', () => {
  it('touches nothing until asked for, then opens once and prepares once', async () => {
    const file = path.join(await tempDir(), 'vault.db');
    let prepared = 0;
    const connection = connectionOnFirstUse(file, {}, () => (prepared += 1));
    expect(existsSync(file)).toBe(false);
    const first = connection.get();
    expect(connection.get()).toBe(first);
    expect(prepared).toBe(1);
    expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
    connection.close();
    expect(first.open).toBe(false);
  });

  it('closes without ever having opened', async () => {
    const file = path.join(await tempDir(), 'vault.db');
    connectionOnFirstUse(file, {}).close();
    expect(existsSync(file)).toBe(false);
  });
});
