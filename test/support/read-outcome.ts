import { ReadError } from '../../src/main/engine/readers/read-error';
import type { Reader, ReaderOptions, ReadRecord } from '../../src/main/engine/readers/records';
import type { ExportSource } from '../../src/main/engine/source/export-source';

/** What a reader yielded before it ended, and the ReadError it ended with (null: none). */
export type ReadOutcome = { records: ReadRecord[]; error: ReadError | null };

/** Every record a reader yields for `source`, keeping a ReadError instead of throwing it. */
export async function readOutcome(
  reader: Reader,
  source: ExportSource,
  options: ReaderOptions = {},
): Promise<ReadOutcome> {
  const records: ReadRecord[] = [];
  try {
    for await (const record of reader(source, options)) records.push(record);
    return { records, error: null };
  } catch (error: unknown) {
    if (error instanceof ReadError) return { records, error };
    throw error;
  } finally {
    await source.close();
  }
}

export const warningsOf = (records: readonly ReadRecord[]) =>
  records.flatMap((record) => (record.type === 'warning' ? [record] : []));

export const conversationsOf = (records: readonly ReadRecord[]) =>
  records.flatMap((record) => (record.type === 'conversation' ? [record] : []));
