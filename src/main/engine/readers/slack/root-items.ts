/**
 * The items of a JSON file that is one list (every file of a Slack export is), one assembled item
 * at a time, in batches as the bytes arrive. Anything but a list is INVALID_FORMAT at its first
 * byte; broken JSON is the streaming reader's error, after every item before it.
 */
import type { Readable } from 'node:stream';
import { streamJsonBatches } from '../json/json-stream';
import type { JsonPath, JsonValue } from '../json/json-value';
import { ReadError } from '../read-error';

export type RootItem = Readonly<{ value: JsonValue; byte: number }>;

const selectItems = (jsonPath: JsonPath) => (jsonPath.length === 0 ? 'walk' : 'value');

export async function* rootItems(
  stream: Readable,
  entry: string,
  maxValueBytes: number,
): AsyncGenerator<readonly RootItem[], void, undefined> {
  const events = streamJsonBatches(stream, { select: selectItems, maxValueBytes, entry });
  let opened = false;
  for await (const batch of events) {
    const items: RootItem[] = [];
    for (const event of batch) {
      if (event.type === 'open' && event.path.length === 0) {
        if (event.container !== 'array') {
          throw new ReadError(
            'INVALID_FORMAT',
            `${entry} is not a list, as every file of a Slack export is (byte ${event.byte}).`,
            { entry, byte: event.byte },
          );
        }
        opened = true;
      } else if (event.type === 'value' && event.path.length === 1) {
        items.push({ value: event.value, byte: event.byte });
      } else if (event.type === 'value' && !opened) {
        throw new ReadError(
          'INVALID_FORMAT',
          `${entry} is not a list, as every file of a Slack export is (byte ${event.byte}).`,
          { entry, byte: event.byte },
        );
      }
    }
    if (items.length > 0) yield items;
  }
}
