import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  workersDir,
  electronNativeBinding,
  unpackedPath,
} from '../../../src/main/electron/native-binding';

const checkout = path.resolve('/home/dev/chat-vault');
const packaged = path.resolve('/opt/Chat Vault/resources/app.asar');

describe('electronNativeBinding', () => {
  it('uses the Electron build under build/native in a checkout', () => {
    const expected = path.join(checkout, 'build', 'native', 'electron', 'better_sqlite3.node');
    expect(
      electronNativeBinding({
        appRoot: checkout,
        isPackaged: false,
        exists: (file) => file === expected,
      }),
    ).toBe(expected);
  });

  it('is undefined in a checkout where the Electron build was not made', () => {
    expect(
      electronNativeBinding({ appRoot: checkout, isPackaged: false, exists: () => false }),
    ).toBeUndefined();
  });

  it('uses the rebuilt binding outside the asar when packaged', () => {
    const expected = path.join(
      path.resolve('/opt/Chat Vault/resources/app.asar.unpacked'),
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
      'better_sqlite3.node',
    );
    expect(
      electronNativeBinding({
        appRoot: packaged,
        isPackaged: true,
        exists: (file) => file === expected,
      }),
    ).toBe(expected);
  });
});

describe('unpackedPath', () => {
  it('moves a path inside app.asar to app.asar.unpacked', () => {
    expect(unpackedPath(path.join(packaged, 'out', 'main', 'db-worker.mjs'))).toBe(
      path.resolve('/opt/Chat Vault/resources/app.asar.unpacked/out/main/db-worker.mjs'),
    );
  });

  it('leaves a path outside any asar alone', () => {
    const file = path.join(checkout, 'out', 'main', 'db-worker.mjs');
    expect(unpackedPath(file)).toBe(file);
  });

  it('does not touch a folder merely named like an asar', () => {
    const file = path.resolve('/home/dev/my-app.asar-notes/x.mjs');
    expect(unpackedPath(file)).toBe(file);
  });
});

describe('workersDir', () => {
  it('is the main bundle folder in a checkout', () => {
    expect(workersDir(path.join(checkout, 'out', 'main'))).toBe(path.join(checkout, 'out', 'main'));
  });

  it('is outside the asar when packaged, since worker threads cannot load from inside one', () => {
    expect(workersDir(path.join(packaged, 'out', 'main'))).toContain(
      `app.asar.unpacked${path.sep}out`,
    );
  });
});
