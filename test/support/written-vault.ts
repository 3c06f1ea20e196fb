/**
 * A vault database filled through the real writer with messages made by a test (no reader), for
 * the query tests: one archive, one job, one conversation.
 */
import type { Database } from 'better-sqlite3';
import { MessageKeyer } from '../../src/main/engine/import/message-key';
import { messageRow, VaultWriter } from '../../src/main/engine/import/vault-writer';
import type { ReadMessage } from '../../src/main/engine/readers/records';
import { insertTestArchiveAndJob, openVaultDb } from './vault-db';

export function writtenVault(
  vaultDir: string,
  conversationId: string,
  messages: readonly ReadMessage[],
): Database {
  const db = openVaultDb(vaultDir);
  insertTestArchiveAndJob(db);
  const keyer = new MessageKeyer();
  new VaultWriter(db).commit(
    {
      conversations: [{ id: conversationId, platform: 'telegram', title: 'Test' }],
      participants: [],
      messages: messages.map((message) =>
        messageRow(conversationId, keyer.key(conversationId, message), message, []),
      ),
    },
    1,
    { id: 1, recordsDone: messages.length },
  );
  return db;
}
