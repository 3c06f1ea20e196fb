import type { Engine } from '../../src/main/engine/engine';
import type { ExportMessage } from '../../src/main/engine/db/queries/export';

/** Every message of a conversation as an export reads it, without the vault's own row ids. */
export async function allMessages(
  engine: Engine,
  conversationId: string,
): Promise<Omit<ExportMessage, 'id' | 'conversationId'>[]> {
  const out: Omit<ExportMessage, 'id' | 'conversationId'>[] = [];
  let cursor = { sentAt: Number.MIN_SAFE_INTEGER, id: 0 };
  for (;;) {
    const page = await engine.db.call('exportPage', {
      conversationId,
      cursor,
      before: null,
      messageIds: null,
      limit: 500,
    });
    for (const message of page) {
      const rest: { -readonly [K in keyof ExportMessage]?: ExportMessage[K] } = { ...message };
      delete rest.id;
      delete rest.conversationId;
      out.push(rest as Omit<ExportMessage, 'id' | 'conversationId'>);
    }
    const last = page.at(-1);
    if (last === undefined) return out;
    cursor = { sentAt: last.sentAt, id: Number(last.id) };
  }
}
