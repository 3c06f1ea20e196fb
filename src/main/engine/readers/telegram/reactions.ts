/**
 * Reactions: `[{type: "emoji", count, emoji, recent: [{from, from_id, date}]}]`; custom emoji carry
 * a `document_id` (a sticker file) instead of `emoji`, and paid reactions (Telegram Stars) neither.
 * `recent` names only the last few who reacted, so `senders` may be shorter than `count`.
 */
import type { JsonObject } from '../json/json-value';
import type { Reaction } from '../records';
import { idField, numberField, objectsOf, stringField } from '../json/json-fields';

function emojiOf(reaction: JsonObject): string {
  const emoji = stringField(reaction, 'emoji');
  if (emoji !== null && emoji !== '') return emoji;
  const type = stringField(reaction, 'type');
  if (type === 'paid') return '⭐';
  const document = idField(reaction, 'document_id');
  return document === null ? '❓' : `custom:${document}`;
}

const NO_REACTIONS: readonly Reaction[] = Object.freeze([]);

export function messageReactions(
  object: JsonObject,
  clean: (text: string) => string,
): readonly Reaction[] {
  const reactions = objectsOf(object, 'reactions');
  // Most messages have none: no array is made for them.
  if (reactions.length === 0) return NO_REACTIONS;
  return reactions.map((reaction) => {
    const senders = objectsOf(reaction, 'recent')
      .map((recent) => stringField(recent, 'from'))
      .filter((name): name is string => name !== null && name !== '')
      .map(clean);
    const count = numberField(reaction, 'count') ?? Math.max(1, senders.length);
    const base = { emoji: emojiOf(reaction), count };
    return senders.length > 0 ? { ...base, senders } : base;
  });
}
