/**
 * The identity of a message inside its conversation, so re-imports and overlapping exports add only
 * what is new. The platform's id where there is one; otherwise a hash of time, sender, text and the
 * occurrence number among identical neighbours, so two real identical messages in one minute both
 * survive while the same message seen again in a newer export is recognised.
 */
import { createHash, hash } from 'node:crypto';
import type { ReadMessage } from '../readers/records';
import { base36 } from './base36';

export function conversationIdFor(identity: string): string {
  return `c_${createHash('sha256').update(identity).digest('hex').slice(0, 20)}`;
}

/**
 * What one conversation saw at the time of its last keyed message: the first content and how
 * often it came, and any other contents (most times hold one message, so a map is made only for
 * a second content).
 */
type SeenAtTime = {
  sentAt: number;
  first: string;
  firstCount: number;
  others: Map<string, number> | null;
};

export class MessageKeyer {
  readonly #recent = new Map<string, SeenAtTime>();

  key(conversationId: string, message: ReadMessage): string {
    if (message.externalId !== null) return `id:${message.externalId}`;
    const names =
      message.attachments.length === 0
        ? ''
        : message.attachments.map((attachment) => attachment.name).join('\u0001');
    const content = `${message.sentAt}\u0000${message.sender ?? ''}\u0000${message.kind}\u0000${message.text}\u0000${names}`;
    const occurrence = this.#occurrence(conversationId, message.sentAt, content);
    // The time leads, so keys of a chronological export arrive in index order (no random B-tree
    // inserts); 128 bits of hash tell apart everything sent in the same millisecond.
    // One-shot hashing (no Hash object per message) of the same bytes as ever: keys never change.
    const digest = hash('sha256', `${content}\u0000${occurrence}`, 'base64url');
    return `t:${base36(message.sentAt)}:${digest.slice(0, 22)}`;
  }

  /** How often `content` came before at `sentAt` in the conversation. */
  #occurrence(conversationId: string, sentAt: number, content: string): number {
    const seen = this.#recent.get(conversationId);
    if (seen === undefined) {
      this.#recent.set(conversationId, { sentAt, first: content, firstCount: 1, others: null });
      return 0;
    }
    if (seen.sentAt !== sentAt) {
      seen.sentAt = sentAt;
      seen.first = content;
      seen.firstCount = 1;
      seen.others = null;
      return 0;
    }
    if (content === seen.first) {
      seen.firstCount += 1;
      return seen.firstCount - 1;
    }
    seen.others ??= new Map();
    const occurrence = seen.others.get(content) ?? 0;
    seen.others.set(content, occurrence + 1);
    return occurrence;
  }
}
