/** Plain JSON values as the streaming reader assembles them, and where they sit in the document. */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

/** Object keys and array indexes from the document's root down to a value; `[]` is the root. */
export type JsonPath = readonly (string | number)[];

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
