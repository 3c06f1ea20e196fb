/**
 * Reactions: `[{emoji: {id, name, ...}, count, users?: [author...]}]`. A Unicode emoji has an empty
 * or null id and is its own name; a server's custom emoji has an id and a name, shown as `:name:`.
 * Newer exports list who reacted (`users`), possibly fewer than `count`.
 */
import { idField, numberField, objectField, objectsOf, stringField } from '../json/json-fields';
import type { JsonObject } from '../json/json-value';
import type { Reaction } from '../records';
import { authorName } from './author';

function emojiOf(reaction: JsonObject): string {
  const emoji = objectField(reaction, 'emoji');
  if (emoji === null) return '❓';
  const name = stringField(emoji, 'name')?.trim() ?? '';
  const custom = idField(emoji, 'id') !== null;
  if (name === '') return custom ? `custom:${idField(emoji, 'id') ?? ''}` : '❓';
  return custom ? `:${name}:` : name;
}

export function messageReactions(message: JsonObject): Reaction[] {
  return objectsOf(message, 'reactions').map((reaction) => {
    const senders = objectsOf(reaction, 'users')
      .map(authorName)
      .filter((name): name is string => name !== null);
    const count = numberField(reaction, 'count') ?? Math.max(1, senders.length);
    const base = { emoji: emojiOf(reaction), count };
    return senders.length > 0 ? { ...base, senders } : base;
  });
}
