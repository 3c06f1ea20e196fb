/**
 * Where an import's batches go. In a test, straight into a writer on the same connection; in the
 * app, to the writer thread, so that reading the next batch overlaps with committing this one, and
 * a checkpoint thread copies each commit into the database file while the next one is written.
 */
import type { Database } from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { VaultError } from '../errors';
import { transferOf, unpackBatch, type PackedBatch } from './batch-columns';
import { VaultWriter, type BatchOutcome } from './vault-writer';
import { IMPORT_THREAD_LIMITS } from './thread-limits';

export type JobCheckpoint = Readonly<{ id: number; recordsDone: number }>;

export type BatchSink = Readonly<{
  /** Writes `batch`, whose buffers it takes over (see batch-columns.ts). */
  commit(batch: PackedBatch, archiveId: number, job: JobCheckpoint): Promise<BatchOutcome>;
  close(): Promise<void>;
}>;

export function inThreadSink(db: Database): BatchSink {
  const writer = new VaultWriter(db);
  return {
    // A failure is a rejection, as from the writer thread, never a throw.
    commit: (batch, archiveId, job) =>
      new Promise((resolve) => resolve(writer.commitColumns(unpackBatch(batch), archiveId, job))),
    close: () => Promise.resolve(),
  };
}

export type WriterWorkerData = Readonly<{
  databaseFile: string;
  nativeBinding: string | undefined;
}>;

export type WriterRequest =
  | Readonly<{
      type: 'commit';
      seq: number;
      /**
       * The seq of the same job's commit that was still pending when this one was sent (0 when
       * none was): if that one failed, this one fails unwritten.
       */
      after: number;
      batch: PackedBatch;
      archiveId: number;
      job: JobCheckpoint;
    }>
  | Readonly<{ type: 'close' }>;

/** To the checkpoint thread: a commit is in the log; or stop. */
export type CheckpointRequest = 'checkpoint' | 'close';

export type WriterReply =
  | Readonly<{ type: 'committed'; seq: number; outcome: BatchOutcome }>
  | Readonly<{ type: 'failed'; seq: number; code: string; message: string }>;

/** The writer thread: one connection that does nothing but commit batches, in order. */
export function writerThreadSink(
  paths: Readonly<{ writer: string; checkpoints: string }>,
  data: WriterWorkerData,
): BatchSink {
  const worker = new Worker(paths.writer, {
    workerData: data,
    resourceLimits: IMPORT_THREAD_LIMITS,
  });
  const checkpoints = new Worker(paths.checkpoints, {
    workerData: data,
    resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 64 },
  });
  // The checkpoint thread only saves the writer time: should it fail, the writer's own restarts of
  // the log still copy every commit, so its failure is let go and the import goes on.
  let checkpointsRunning = true;
  const checkpointsExited = new Promise<void>((resolve) =>
    checkpoints.once('exit', () => {
      checkpointsRunning = false;
      resolve();
    }),
  );
  checkpoints.on('error', () => undefined);
  const toCheckpoints = (request: CheckpointRequest): void => {
    if (checkpointsRunning) checkpoints.postMessage(request);
  };
  const pending = new Map<
    number,
    { job: number; resolve: (outcome: BatchOutcome) => void; reject: (error: Error) => void }
  >();
  let seq = 0;
  /** Per job, the seq of its last commit while that commit is pending. */
  const lastPending = new Map<number, number>();
  worker.on('message', (reply: WriterReply) => {
    const entry = pending.get(reply.seq);
    pending.delete(reply.seq);
    if (entry !== undefined && lastPending.get(entry.job) === reply.seq)
      lastPending.delete(entry.job);
    if (reply.type === 'committed') {
      toCheckpoints('checkpoint');
      entry?.resolve(reply.outcome);
    } else entry?.reject(new VaultError(reply.code, reply.message));
  });
  worker.on('error', (error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
    lastPending.clear();
  });
  return {
    commit(batch, archiveId, job) {
      seq += 1;
      const after = lastPending.get(job.id) ?? 0;
      lastPending.set(job.id, seq);
      const request: WriterRequest = { type: 'commit', seq, after, batch, archiveId, job };
      return new Promise((resolve, reject) => {
        pending.set(request.seq, { job: job.id, resolve, reject });
        worker.postMessage(request, transferOf(batch));
      });
    },
    async close() {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      const request: WriterRequest = { type: 'close' };
      worker.postMessage(request);
      await exited;
      toCheckpoints('close');
      await checkpointsExited;
    },
  };
}
