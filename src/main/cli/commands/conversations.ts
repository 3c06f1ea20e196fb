import { PLATFORM_NAMES } from '../../../shared/platforms';
import type { Engine } from '../../engine/engine';
import type { Output } from '../output';

export async function conversationsCommand(
  engine: Engine,
  options: Readonly<{ json: boolean }>,
  out: Output,
): Promise<number> {
  const conversations = await engine.handlers['conversations.list']({});
  if (options.json) {
    // Exactly the fields of the command-line contract.
    out.json(
      conversations.map(({ id, title, platform, messageCount, firstAt, lastAt, participants }) => ({
        id,
        title,
        platform,
        messageCount,
        firstAt,
        lastAt,
        participants,
      })),
    );
    return 0;
  }
  if (conversations.length === 0) {
    out.line(`No conversations yet in ${engine.vaultDir}.`);
    return 0;
  }
  for (const conversation of conversations) {
    const last = conversation.lastAt === null ? 'never' : conversation.lastAt.slice(0, 10);
    out.line(
      `${conversation.id}  ${PLATFORM_NAMES[conversation.platform]}  ${conversation.title}  (${conversation.messageCount} messages, last ${last})`,
    );
  }
  return 0;
}
