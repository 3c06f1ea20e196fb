import { ReadError } from '../../src/main/engine/readers/read-error';
import type {
  Reader,
  ReaderOptions,
  ReadMessage,
  ReadRecord,
} from '../../src/main/engine/readers/records';
import { eachRecord } from './each-record';
import type { ExportSource } from '../../src/main/engine/source/export-source';

/** What a read gave: every record before the end or the break, and the break (a ReadError). */
export type ReadOutcome = Readonly<{ records: ReadRecord[]; error: ReadError | null }>;

/** Reads `source` to its end or its break; any error other than a ReadError is thrown. */
export async function readOutcome(
  reader: Reader,
  source: ExportSource,
  options: ReaderOptions = {},
): Promise<ReadOutcome> {
  const records: ReadRecord[] = [];
  try {
    for await (const record of eachRecord(reader(source, options))) records.push(record);
    return { records, error: null };
  } catch (error: unknown) {
    if (error instanceof ReadError) return { records, error };
    throw error;
  } finally {
    await source.close();
  }
}

export const conversationsOf = (records: readonly ReadRecord[]) =>
  records.flatMap((record) => (record.type === 'conversation' ? [record] : []));

export const warningsOf = (records: readonly ReadRecord[]) =>
  records.flatMap((record) => (record.type === 'warning' ? [record] : []));

export const textsOf = (records: readonly ReadRecord[]): string[] =>
  records.flatMap((record) => (record.type === 'message' ? [record.message.text] : []));

export const messagesIn = (records: readonly ReadRecord[], ref: string): ReadMessage[] =>
  records.flatMap((record) =>
    record.type === 'message' && record.conversationRef === ref ? [record.message] : [],
  );
