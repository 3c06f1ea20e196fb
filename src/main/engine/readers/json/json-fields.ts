/** Reading the loosely typed fields of an export's JSON objects, without trusting their types. */
import { isJsonObject, type JsonObject, type JsonValue } from './json-value';

export function stringField(object: JsonObject, key: string): string | null {
  const value = object[key];
  return typeof value === 'string' ? value : null;
}

export function numberField(object: JsonObject, key: string): number | null {
  const value = object[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function objectField(object: JsonObject, key: string): JsonObject | null {
  const value = object[key];
  return isJsonObject(value) ? value : null;
}

export function arrayField(object: JsonObject, key: string): readonly JsonValue[] | null {
  const value = object[key];
  return Array.isArray(value) ? value : null;
}

/** An id written as a number or a string (`5965280513`, `"user123"`), as a string. */
export function idField(object: JsonObject, key: string): string | null {
  const value = object[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value !== '') return value;
  return null;
}

const NO_OBJECTS: readonly JsonObject[] = Object.freeze([]);

/** The objects of an array field, skipping anything else in it. */
export function objectsOf(object: JsonObject, key: string): readonly JsonObject[] {
  const items = arrayField(object, key);
  return items === null || items.length === 0 ? NO_OBJECTS : items.filter(isJsonObject);
}
