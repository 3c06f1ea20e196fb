/**
 * Who wrote a message. DiscordChatExporter gives an author's account name (`name`), its old
 * `discriminator` ("0000" for the new unique names) and the `nickname` shown in that server or
 * group; the timeline shows what Discord showed, the nickname when there is one.
 */
import { stringField } from '../json/json-fields';
import type { JsonObject } from '../json/json-value';

export function authorName(author: JsonObject): string | null {
  const nickname = stringField(author, 'nickname')?.trim() ?? '';
  const name = stringField(author, 'name')?.trim() ?? '';
  return nickname || name || null;
}
