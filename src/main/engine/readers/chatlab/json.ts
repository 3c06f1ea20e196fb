/**
 * A ChatLab JSON document, streamed: `chatlab` and `meta` are read whole, `members` and `messages`
 * one element at a time, everything else is checked and skipped — so a file of any size reads in
 * flat memory (see ../json/json-stream.ts).
 */
import { streamJsonBatches, type JsonEvent } from '../json/json-stream';
import type { JsonPath } from '../json/json-value';
import { MAX_RECORD_BYTES } from '../read-error';
import type { ReadRecord } from '../records';
import type { ExportSource } from '../../source/export-source';
import { ChatLabChat } from './chat';

const WHOLE = new Set(['chatlab', 'meta', 'chatVault']);
const LISTS = new Set(['members', 'messages']);

function select(path: JsonPath): 'value' | 'walk' | 'skip' {
  if (path.length === 0) return 'walk';
  const [key] = path;
  if (typeof key !== 'string') return 'skip';
  if (path.length === 1) return WHOLE.has(key) ? 'value' : LISTS.has(key) ? 'walk' : 'skip';
  return path.length === 2 && LISTS.has(key) && typeof path[1] === 'number' ? 'value' : 'skip';
}

export async function* readChatLabDocument(
  source: ExportSource,
  entry: string,
  root: string,
): AsyncGenerator<ReadRecord> {
  const chat = new ChatLabChat(entry, root);
  let extension: unknown;
  let sawChatLab = false;
  const handle = (event: JsonEvent): ReadRecord[] => {
    const place = { byte: event.byte };
    if (event.path.length === 0) {
      if (event.type === 'open' && event.container !== 'object') {
        throw chat.notChatLab('it is not a JSON object', place);
      }
      if (event.type === 'close' && !sawChatLab) {
        throw chat.notChatLab('it has no "chatlab" header', place);
      }
      return [];
    }
    if (event.type !== 'value') return [];
    switch (event.path[0]) {
      case 'chatlab':
        sawChatLab = true;
        return [];
      case 'chatVault':
        extension = event.value;
        return [];
      case 'meta':
        return chat.header(event.value, extension, place);
      case 'members':
        return chat.member(event.value, place);
      default:
        return chat.message(event.value, place);
    }
  };
  const stream = await source.open(entry);
  try {
    for await (const batch of streamJsonBatches(stream, {
      select,
      maxValueBytes: MAX_RECORD_BYTES,
      entry,
    })) {
      for (const event of batch) for (const record of handle(event)) yield record;
    }
    yield* chat.warnings.summary();
  } finally {
    stream.destroy();
  }
}
