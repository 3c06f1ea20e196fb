/**
 * The text of a message's embeds (link previews, and what bots post instead of plain text): each
 * embed's author, title, description, fields and footer, one per line, so the timeline shows and
 * search finds them. Embeds with none of these (a bare image) add no text.
 */
import { objectField, objectsOf, stringField } from '../json/json-fields';
import type { JsonObject } from '../json/json-value';

function nested(object: JsonObject, key: string, field: string): string {
  const inner = objectField(object, key);
  return (inner === null ? null : stringField(inner, field))?.trim() ?? '';
}

function embedLines(embed: JsonObject): string[] {
  const fields = objectsOf(embed, 'fields').map((field) => {
    const name = stringField(field, 'name')?.trim() ?? '';
    const value = stringField(field, 'value')?.trim() ?? '';
    return name !== '' && value !== '' ? `${name}: ${value}` : name || value;
  });
  return [
    nested(embed, 'author', 'name'),
    stringField(embed, 'title')?.trim() ?? '',
    stringField(embed, 'description')?.trim() ?? '',
    ...fields,
    nested(embed, 'footer', 'text'),
  ].filter((line) => line !== '');
}

/** The embeds as text, one block per embed separated by a blank line; '' when there is none. */
export function embedsText(message: JsonObject): string {
  return objectsOf(message, 'embeds')
    .map((embed) => embedLines(embed).join('\n'))
    .filter((block) => block !== '')
    .join('\n\n');
}
