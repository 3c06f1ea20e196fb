import type {
  Reader,
  ReaderOptions,
  ReadMessage,
  ReadRecord,
} from '../../src/main/engine/readers/records';
import { eachRecord } from './each-record';
import type { ExportSource } from '../../src/main/engine/source/export-source';

/** Every record a reader yields for `source` (closed afterwards). */
export async function readAll(
  reader: Reader,
  source: ExportSource,
  options: ReaderOptions = {},
): Promise<ReadRecord[]> {
  const records: ReadRecord[] = [];
  try {
    for await (const record of eachRecord(reader(source, options))) records.push(record);
  } finally {
    await source.close();
  }
  return records;
}

export const messagesOf = (records: readonly ReadRecord[]): ReadMessage[] =>
  records.flatMap((record) => (record.type === 'message' ? [record.message] : []));

export const participantsOf = (records: readonly ReadRecord[]): string[] =>
  records.flatMap((record) => (record.type === 'participant' ? [record.name] : []));
