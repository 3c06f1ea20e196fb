/**
 * Message contents that are neither text nor a file: polls, shared contacts, locations and venues,
 * games, invoices. The exporter writes them as structured fields and leaves `text` empty; each
 * becomes a readable line so the timeline and search show something.
 */
import { isJsonObject, type JsonObject } from '../json/json-value';
import { numberField, objectField, objectsOf, stringField } from '../json/json-fields';

function poll(object: JsonObject): string | null {
  const data = objectField(object, 'poll');
  if (data === null) return null;
  const answers = objectsOf(data, 'answers')
    .map((answer) => stringField(answer, 'text'))
    .filter((text): text is string => text !== null && text !== '');
  const question = stringField(data, 'question') ?? '';
  return [`Poll: ${question}`.trimEnd(), ...answers.map((answer) => `- ${answer}`)].join('\n');
}

function contact(object: JsonObject): string | null {
  const data = objectField(object, 'contact_information');
  if (data === null) return null;
  const name = [stringField(data, 'first_name'), stringField(data, 'last_name')]
    .filter((part) => part !== null && part !== '')
    .join(' ');
  const phone = stringField(data, 'phone_number') ?? '';
  return `Contact: ${[name, phone].filter((part) => part !== '').join(', ')}`;
}

/** The fields of a location or venue; a message with none of them is not one. */
const LOCATION_FIELDS = [
  'place_name',
  'address',
  'location_information',
  'live_location_period_seconds',
] as const;

function location(object: JsonObject): string | null {
  if (!LOCATION_FIELDS.some((field) => field in object)) return null;
  const place = [stringField(object, 'place_name'), stringField(object, 'address')]
    .filter((part) => part !== null && part !== '')
    .join(', ');
  const point = objectField(object, 'location_information');
  const latitude = point === null ? null : numberField(point, 'latitude');
  const longitude = point === null ? null : numberField(point, 'longitude');
  const coordinates = latitude !== null && longitude !== null ? `${latitude}, ${longitude}` : '';
  const live = numberField(object, 'live_location_period_seconds') !== null;
  if (place === '' && coordinates === '' && !live && !('location_information' in object)) {
    return null;
  }
  const label = live ? 'Live location' : 'Location';
  return `${label}: ${[place, coordinates].filter((part) => part !== '').join(' · ')}`.trimEnd();
}

function game(object: JsonObject): string | null {
  const title = stringField(object, 'game_title');
  return title === null ? null : `Game: ${title}`;
}

function invoice(object: JsonObject): string | null {
  const data = object.invoice_information;
  if (data === undefined) return null;
  const title = isJsonObject(data) ? stringField(data, 'title') : null;
  return title === null ? 'Invoice' : `Invoice: ${title}`;
}

/** A line describing a poll, contact, location, game or invoice; null for anything else. */
export function otherMediaText(object: JsonObject): string | null {
  return poll(object) ?? contact(object) ?? location(object) ?? game(object) ?? invoice(object);
}
