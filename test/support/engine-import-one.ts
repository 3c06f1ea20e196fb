import type { ConversationSummary, ImportItem, MessageView } from '../../src/shared/contract';
import { openTestEngine } from './engine';

export type EngineImport = Readonly<{
  item: ImportItem;
  conversations: readonly ConversationSummary[];
  /** Each conversation's messages as the vault orders them (oldest first), by conversation id. */
  messages: ReadonlyMap<string, readonly MessageView[]>;
}>;

/** Imports `inputPath` into a new vault at `vaultDir` through a real engine and reads it back. */
export async function importOneThroughEngine(
  vaultDir: string,
  inputPath: string,
): Promise<EngineImport> {
  const engine = await openTestEngine(vaultDir);
  try {
    const [item] = await engine.importAndWait([inputPath]);
    if (item === undefined) throw new Error('the engine reported no import');
    const conversations = await engine.handlers['conversations.list']({});
    const messages = new Map<string, readonly MessageView[]>();
    for (const conversation of conversations) {
      const page = await engine.handlers['messages.page']({
        conversationId: conversation.id,
        anchor: { kind: 'start' },
        limit: 500,
      });
      messages.set(conversation.id, page.messages);
    }
    return { item, conversations, messages };
  } finally {
    await engine.close();
  }
}
