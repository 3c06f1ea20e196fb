import path from 'node:path';
import Database from 'better-sqlite3';
import type { ImportItem } from '../../src/shared/contract';
import { DATABASE_FILE } from '../../src/main/engine/engine';
import { openTestEngine } from './engine';

export type StoredMessage = Readonly<{
  conversation: string;
  externalId: string | null;
  sender: string | null;
  kind: string;
  text: string;
  replyTo: string | null;
  editedAt: number | null;
  reactions: string | null;
}>;

/** Imports `paths` through a real engine into `vaultDir` and reads back what landed. */
export async function importThroughEngine(
  vaultDir: string,
  paths: readonly string[],
): Promise<
  Readonly<{
    items: ImportItem[];
    conversations: { title: string; platform: string; messageCount: number }[];
    messages: StoredMessage[];
    attachments: { name: string; sha256: string | null }[];
  }>
> {
  const engine = await openTestEngine(vaultDir);
  let items: ImportItem[];
  try {
    items = await engine.importAndWait(paths);
  } finally {
    await engine.close();
  }
  const db = new Database(path.join(vaultDir, DATABASE_FILE), { readonly: true });
  try {
    const conversations = db
      .prepare(
        'SELECT title, platform, message_count AS messageCount FROM conversations ORDER BY title',
      )
      .all() as { title: string; platform: string; messageCount: number }[];
    const messages = db
      .prepare(
        `SELECT c.title AS conversation, m.external_id AS externalId, m.sender, m.kind, m.text,
                m.reply_to AS replyTo, m.edited_at AS editedAt, m.reactions_json AS reactions
           FROM messages m JOIN conversations c ON c.id = m.conversation_id
          ORDER BY c.title, m.sent_at, m.id`,
      )
      .all() as StoredMessage[];
    const attachments = db
      .prepare('SELECT name, sha256 FROM attachments ORDER BY message_id, ordinal')
      .all() as { name: string; sha256: string | null }[];
    return { items, conversations, messages, attachments };
  } finally {
    db.close();
  }
}
