/**
 * Reactions: `[{reaction: "❤", actor: "Bob"}, ...]`, one entry per person, grouped here by emoji in
 * the order each emoji first appears.
 */
import type { JsonObject } from '../json/json-value';
import type { Reaction } from '../records';
import { objectsOf, stringField } from '../json/json-fields';

export function messageReactions(message: JsonObject, clean: (text: string) => string): Reaction[] {
  const byEmoji = new Map<string, { count: number; senders: string[] }>();
  for (const item of objectsOf(message, 'reactions')) {
    const emoji = stringField(item, 'reaction');
    if (emoji === null || emoji === '') continue;
    const key = clean(emoji);
    const group = byEmoji.get(key) ?? { count: 0, senders: [] };
    group.count += 1;
    const actor = stringField(item, 'actor');
    if (actor !== null && actor !== '') group.senders.push(clean(actor));
    byEmoji.set(key, group);
  }
  return [...byEmoji].map(([emoji, { count, senders }]) =>
    senders.length > 0 ? { emoji, count, senders } : { emoji, count },
  );
}
