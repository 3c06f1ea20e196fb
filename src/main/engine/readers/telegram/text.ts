/**
 * A message's text. Telegram Desktop writes it twice: `text` (a string, or an array mixing plain
 * strings and `{type, text, ...}` parts) and, since 2021, `text_entities` (the same parts, all as
 * objects, plain ones typed "plain"). The parts are concatenated as they are (the exporter keeps
 * every space inside the parts), and each formatted part becomes a TextEntity whose offset and
 * length count UTF-16 code units, as JavaScript strings do.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json/json-value';
import type { TextEntity } from '../records';
import { arrayField, idField, stringField } from '../json/json-fields';

export type MessageText = Readonly<{ text: string; entities: readonly TextEntity[] | null }>;

type EntityType = TextEntity['type'];

/** Telegram's part types that have a TextEntity of their own; the rest become 'other'. */
const ENTITY_TYPES: Readonly<Record<string, EntityType>> = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  strikethrough: 'strikethrough',
  code: 'code',
  pre: 'pre',
  link: 'link',
  text_link: 'text_link',
  mention: 'mention',
  mention_name: 'mention_name',
  hashtag: 'hashtag',
  email: 'email',
  phone: 'phone',
  spoiler: 'spoiler',
  blockquote: 'blockquote',
};

/** The extra field each part type carries: the link target, the user id, the code language. */
function valueOf(part: JsonObject, type: EntityType): string | null {
  switch (type) {
    case 'text_link':
      return stringField(part, 'href');
    case 'mention_name':
      return idField(part, 'user_id');
    case 'pre':
      return stringField(part, 'language') || null;
    default:
      return null;
  }
}

function partsOf(object: JsonObject): readonly JsonValue[] {
  const entities = arrayField(object, 'text_entities');
  const text = object.text;
  const textIsEmpty =
    text === undefined || text === '' || (Array.isArray(text) && text.length === 0);
  if (entities !== null && (entities.length > 0 || textIsEmpty)) return entities;
  if (typeof text === 'string') return [text];
  return Array.isArray(text) ? text : [];
}

/** The plain text and formatting of a message object; `clean` repairs each part's text. */
export function messageText(object: JsonObject, clean: (text: string) => string): MessageText {
  let text = '';
  const entities: TextEntity[] = [];
  for (const part of partsOf(object)) {
    if (typeof part === 'string') {
      text += clean(part);
      continue;
    }
    if (!isJsonObject(part)) continue;
    const partText = clean(stringField(part, 'text') ?? '');
    const kind = stringField(part, 'type') ?? 'plain';
    if (kind !== 'plain' && partText.length > 0) {
      const type = ENTITY_TYPES[kind] ?? 'other';
      const value = valueOf(part, type);
      const entity = { type, offset: text.length, length: partText.length };
      entities.push(value === null ? entity : { ...entity, value });
    }
    text += partText;
  }
  return { text, entities: entities.length > 0 ? entities : null };
}
