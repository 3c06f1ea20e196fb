import type { Engine } from '../../engine/engine';
import type { Output } from '../output';

export type MessagesOptions = Readonly<{
  json: boolean;
  limit: number;
  after: number | null;
  before: number | null;
}>;

export async function messagesCommand(
  engine: Engine,
  conversationId: string,
  options: MessagesOptions,
  out: Output,
): Promise<number> {
  if (!(await engine.db.call('conversationExists', conversationId))) {
    const message = `There is no conversation ${conversationId} in ${engine.vaultDir}. List them with "chat-vault conversations".`;
    if (options.json) out.json({ error: { code: 'NOT_FOUND', message } });
    out.error(`chat-vault: ${message}`);
    return 1;
  }
  const messages = await engine.db.call('listMessages', {
    conversationId,
    limit: options.limit,
    after: options.after,
    before: options.before,
  });
  if (options.json) out.json(messages);
  else
    for (const message of messages)
      out.line(`${message.sentAt}  ${message.sender ?? '—'}: ${message.text}`);
  return 0;
}
