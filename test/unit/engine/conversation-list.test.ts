import { describe, expect, it } from 'vitest';
import { listConversations } from '../../../src/main/engine/db/queries/conversations';
import { VaultError } from '../../../src/main/engine/errors';
import { useTempDirs } from '../../support/temp-dir';
import { openVaultDb } from '../../support/vault-db';

const tempDir = useTempDirs();

describe('the conversation list', () => {
  it("gives each conversation's platform as stored", async () => {
    const db = openVaultDb(await tempDir());
    db.prepare(
      "INSERT INTO conversations (id, platform, title) VALUES ('c1', 'wechat', 'Mum')",
    ).run();
    expect(listConversations(db).map(({ id, platform }) => ({ id, platform }))).toEqual([
      { id: 'c1', platform: 'wechat' },
    ]);
    db.close();
  });

  it('names a conversation whose platform this version does not know', async () => {
    const db = openVaultDb(await tempDir());
    db.prepare(
      "INSERT INTO conversations (id, platform, title) VALUES ('c9', 'myspace', 'Old')",
    ).run();
    let thrown: unknown;
    try {
      listConversations(db);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VaultError);
    expect(thrown).toMatchObject({ code: 'VAULT_UNREADABLE' });
    expect((thrown as Error).message).toContain('Conversation c9');
    expect((thrown as Error).message).toContain('"myspace"');
    db.close();
  });
});
