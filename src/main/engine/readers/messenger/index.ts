/**
 * Messenger and Instagram "Download your information" exports (JSON), and Messenger's download of
 * end-to-end encrypted chats, read as streams: each thread file is tokenized as it arrives and one
 * message object at a time is assembled, converted and yielded, so memory stays flat whatever the
 * export's size (only a thread's first file may be held, see thread-reader.ts).
 *
 * A file that breaks (bad JSON, a damaged zip entry) does not stop the other threads: what was
 * read of it stands, the remaining threads are read, and the first break is thrown at the end, so
 * the import is `partial` and names the file and byte. A JSON file of a folder or zip that is no
 * chat at all is skipped with a warning.
 */
import { streamJsonBatches } from '../json/json-stream';
import { MAX_RECORD_BYTES, ReadError } from '../read-error';
import type { Reader, ReadRecord } from '../records';
import { WarningBudget } from '../warning-budget';
import type { ExportSource } from '../../source/export-source';
import { selectThread } from './thread-layout';
import { locateThreads } from './thread-files';
import { ThreadReader, type HoldLimits, type MetaPlatform } from './thread-reader';

export type MetaReaderLimits = Partial<HoldLimits> &
  Readonly<{
    /** The largest message object, in bytes of JSON (default MAX_RECORD_BYTES, 64 MB). */
    maxRecordBytes?: number;
  }>;

const DEFAULT_HOLD: HoldLimits = { maxHeldMessages: 20_000, maxHeldBytes: 32 * 1024 * 1024 };

type Pending = { records: ReadRecord[] };

/** Streams one thread file through `thread`; records (warnings first) as they are ready. */
async function* readThreadFile(
  source: ExportSource,
  entry: string,
  thread: ThreadReader,
  pending: Pending,
  maxRecordBytes: number,
): AsyncGenerator<ReadRecord> {
  thread.startFile(entry);
  const out: ReadRecord[] = [];
  const stream = await source.open(entry);
  let failure: Readonly<{ error: unknown }> | null = null;
  try {
    let bytes = 0;
    const events = streamJsonBatches(stream, {
      select: selectThread,
      maxValueBytes: maxRecordBytes,
      entry,
    });
    for await (const batch of events) {
      for (const event of batch) {
        thread.handle(event, out);
        bytes = event.byte;
        if (pending.records.length > 0)
          for (const warning of pending.records.splice(0)) yield warning;
        for (const record of out.splice(0)) yield record;
      }
    }
    thread.endFile(source.find(entry)?.bytes ?? bytes, out);
  } catch (error: unknown) {
    failure = { error };
  } finally {
    stream.destroy();
  }
  // Whatever the events before a break produced still goes out, then the break.
  for (const warning of pending.records.splice(0)) yield warning;
  for (const record of out.splice(0)) yield record;
  if (failure !== null) throw failure.error;
}

async function* readMeta(
  source: ExportSource,
  platform: MetaPlatform,
  limits: MetaReaderLimits,
): AsyncGenerator<ReadRecord> {
  const threads = locateThreads(source);
  const budget = new WarningBudget(source.name);
  const pending: Pending = { records: [] };
  const warn = (code: string, message: string, entry: string): void => {
    const record = budget.warn(code, message, entry);
    if (record !== null) pending.records.push(record);
  };
  const hold: HoldLimits = {
    maxHeldMessages: limits.maxHeldMessages ?? DEFAULT_HOLD.maxHeldMessages,
    maxHeldBytes: limits.maxHeldBytes ?? DEFAULT_HOLD.maxHeldBytes,
  };
  const maxRecordBytes = limits.maxRecordBytes ?? MAX_RECORD_BYTES;
  let firstBreak: ReadError | null = null;
  let conversations = 0;
  for (const [index, files] of threads.entries()) {
    const thread = new ThreadReader({
      platform,
      ref: `thread-${index + 1}`,
      thread: files,
      source,
      limits: hold,
      warn,
    });
    for (const entry of files.files) {
      try {
        yield* readThreadFile(source, entry, thread, pending, maxRecordBytes);
      } catch (error: unknown) {
        if (!(error instanceof ReadError)) throw error;
        const notAChat =
          error.code === 'INVALID_FORMAT' &&
          thread.fileMessages === 0 &&
          source.container !== 'file';
        const out: ReadRecord[] = [];
        thread.interrupt(out);
        yield* out;
        if (notAChat) warn('NOT_A_CHAT', `${error.message} It was skipped.`, entry);
        else if (firstBreak === null) firstBreak = error;
        else warn('FILE_UNREADABLE', `${error.message} What was read of it is kept.`, entry);
        yield* pending.records.splice(0);
      }
    }
    const out: ReadRecord[] = [];
    thread.endThread(out);
    yield* out;
    if (thread.announced) conversations += 1;
  }
  yield* pending.records.splice(0);
  yield* budget.summary();
  if (firstBreak !== null) throw firstBreak;
  if (conversations === 0) {
    throw new ReadError(
      'INVALID_FORMAT',
      `${source.name} holds no ${platform === 'instagram' ? 'Instagram' : 'Messenger'} chat that could be read.`,
      {},
    );
  }
}

/** A Messenger or Instagram reader with its own limits (tests use small ones). */
export function createMetaReader(platform: MetaPlatform, limits: MetaReaderLimits = {}): Reader {
  return (source) => readMeta(source, platform, limits);
}

export const readMessengerJson: Reader = createMetaReader('messenger');
export const readInstagramJson: Reader = createMetaReader('instagram');
