/** The conversation list, newest activity first. */
import type { Database } from 'better-sqlite3';
import type { ConversationSummary } from '../../../../shared/contract';
import { isPlatform, type Platform } from '../../../../shared/platforms';
import { VaultError } from '../../errors';

type ConversationRow = Readonly<{
  id: string;
  platform: string;
  title: string;
  message_count: number;
  first_at: number | null;
  last_at: number | null;
  participants: string | null;
  last_sender: string | null;
  last_text: string | null;
}>;

/** How much of the last message the list shows. */
const PREVIEW_CHARS = 120;

/**
 * A stored conversation's platform. Only the importers write it, from the same list; checked here
 * without the wire schemas, which the database thread would otherwise load at every start.
 */
function storedPlatform(row: ConversationRow): Platform {
  if (isPlatform(row.platform)) return row.platform;
  throw new VaultError(
    'VAULT_UNREADABLE',
    `Conversation ${row.id} in the vault has an unknown platform "${row.platform}". The vault may come from a newer Chat Vault; open it with that version.`,
  );
}

const toIso = (ms: number | null): string | null =>
  ms === null ? null : new Date(ms).toISOString();

export const LIST_CONVERSATIONS_SQL = `
  SELECT c.id, c.platform, c.title, c.message_count, c.first_at, c.last_at,
         (SELECT json_group_array(p.name) FROM participants AS p WHERE p.conversation_id = c.id)
           AS participants,
         last.sender AS last_sender, substr(last.text, 1, ${PREVIEW_CHARS}) AS last_text
  FROM conversations AS c
  LEFT JOIN messages AS last ON last.id = (
    SELECT m.id FROM messages AS m WHERE m.conversation_id = c.id ORDER BY m.sent_at DESC, m.id DESC LIMIT 1
  )
  ORDER BY c.last_at DESC NULLS LAST, c.title`;

export function listConversations(db: Database): ConversationSummary[] {
  const rows = db.prepare<[], ConversationRow>(LIST_CONVERSATIONS_SQL).all();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    platform: storedPlatform(row),
    messageCount: row.message_count,
    firstAt: toIso(row.first_at),
    lastAt: toIso(row.last_at),
    participants: row.participants === null ? [] : (JSON.parse(row.participants) as string[]),
    lastMessage: row.last_text === null ? null : { sender: row.last_sender, text: row.last_text },
  }));
}
