import {
  isRecordList,
  type ReadRecord,
  type ReadRecords,
} from '../../src/main/engine/readers/records';

/** A reader's records one at a time, whether it yields them so or in arrays. */
export async function* eachRecord(items: AsyncIterable<ReadRecords>): AsyncGenerator<ReadRecord> {
  for await (const item of items) {
    if (isRecordList(item)) yield* item;
    else yield item;
  }
}
