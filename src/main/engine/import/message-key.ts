/**
 * The identity of a message inside its conversation, so re-imports and overlapping exports add only
 * what is new. The platform's id where there is one; otherwise a hash of time, sender, text and the
 * occurrence number among identical neighbours, so two real identical messages in one minute both
 * survive while the same message seen again in a newer export is recognised.
 */
import { createHash, hash } from 'node:crypto';
import type { ReadMessage } from '../readers/records';

export function conversationIdFor(identity: string): string {
  return `c_${createHash('sha256').update(identity).digest('hex').slice(0, 20)}`;
}

export class MessageKeyer {
  /** Per conversation: the time of the last keyed message and how often each content was seen then. */
  readonly #recent = new Map<string, { sentAt: number; seen: Map<string, number> }>();

  key(conversationId: string, message: ReadMessage): string {
    if (message.externalId !== null) return `id:${message.externalId}`;
    const content = `${message.sentAt}\u0000${message.sender ?? ''}\u0000${message.kind}\u0000${message.text}\u0000${message.attachments.map((a) => a.name).join('\u0001')}`;
    let recent = this.#recent.get(conversationId);
    if (recent === undefined || recent.sentAt !== message.sentAt) {
      recent = { sentAt: message.sentAt, seen: new Map() };
      this.#recent.set(conversationId, recent);
    }
    const occurrence = recent.seen.get(content) ?? 0;
    recent.seen.set(content, occurrence + 1);
    // The time leads, so keys of a chronological export arrive in index order (no random B-tree
    // inserts); 128 bits of hash tell apart everything sent in the same millisecond.
    // One-shot hashing (no Hash object per message) of the same bytes as ever: keys never change.
    const digest = hash('sha256', `${content}\u0000${occurrence}`, 'base64url');
    return `t:${message.sentAt.toString(36)}:${digest.slice(0, 22)}`;
  }
}
