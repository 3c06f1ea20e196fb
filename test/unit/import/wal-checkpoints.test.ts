import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writerThreadSink } from '../../../src/main/engine/import/batch-sink';
import { packBatch, type PackedBatch } from '../../../src/main/engine/import/batch-columns';
import { messageRow, type Batch } from '../../../src/main/engine/import/vault-writer';
import { plainMessage } from '../../../src/main/engine/readers/records';
import { workersDir } from '../../support/paths';
import { useTempDirs } from '../../support/temp-dir';
import { count, insertTestArchiveAndJob, openVaultDb } from '../../support/vault-db';

const tempDir = useTempDirs();

const PER_BATCH = 1500;

/** Batch `batch` of an import into conversation c1: 1,500 messages of some 220 characters. */
function rowsOf(batch: number): Batch {
  const messages = Array.from({ length: PER_BATCH }, (_, index) => {
    const n = batch * PER_BATCH + index;
    const message = plainMessage({
      sentAt: 1_600_000_000_000 + n * 1000,
      sender: 'Ana',
      text: `message ${n} 你好 ${'x'.repeat(200)}`,
    });
    return messageRow('c1', `k${n}`, message, []);
  });
  return {
    conversations: batch === 0 ? [{ id: 'c1', platform: 'telegram' as const, title: 'Test' }] : [],
    participants: [],
    messages,
  };
}

const batchOf = (batch: number): PackedBatch => packBatch(rowsOf(batch));

async function vaultWithSink(checkpointWorker: string) {
  const vaultDir = await tempDir();
  const db = openVaultDb(vaultDir);
  insertTestArchiveAndJob(db);
  const databaseFile = path.join(vaultDir, 'vault.db');
  const sink = writerThreadSink(
    { writer: path.join(workersDir, 'writer-worker.mjs'), checkpoints: checkpointWorker },
    { databaseFile, nativeBinding: undefined },
  );
  return { db, databaseFile, sink };
}

describe('the writer thread with checkpoints on a thread of their own', () => {
  it('keeps the log at a few batches while it commits back to back, and loses nothing', async () => {
    const { db, databaseFile, sink } = await vaultWithSink(
      path.join(workersDir, 'checkpoint-worker.mjs'),
    );
    const batches = 40;
    let largestLog = 0;
    // All batches at once: the writer commits them back to back, never pausing (as in a large
    // import, where the next batch is always read by the time this one commits).
    const commits = Array.from({ length: batches }, (_, batch) =>
      sink
        .commit(batchOf(batch), 1, { id: 1, recordsDone: (batch + 1) * PER_BATCH })
        .then(() => (largestLog = Math.max(largestLog, statSync(`${databaseFile}-wal`).size))),
    );
    await Promise.all(commits);
    await sink.close();
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(batches * PER_BATCH);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Without restarts the log would hold every page the import wrote, as much as the database.
    const written = statSync(databaseFile).size + statSync(`${databaseFile}-wal`).size;
    expect(largestLog).toBeLessThan(written / 2);
    db.close();
  });

  it('commits and closes as ever when the checkpoint thread cannot run', async () => {
    const { db, sink } = await vaultWithSink(path.join(workersDir, 'no-such-worker.mjs'));
    for (let batch = 0; batch < 3; batch += 1) {
      await sink.commit(batchOf(batch), 1, { id: 1, recordsDone: (batch + 1) * PER_BATCH });
    }
    await sink.close();
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(3 * PER_BATCH);
    db.close();
  });

  it('writes nothing that follows a failed batch of the same job while it was pending', async () => {
    const { db, sink } = await vaultWithSink(path.join(workersDir, 'checkpoint-worker.mjs'));
    const broken = packBatch({
      ...rowsOf(1),
      // Messages of a conversation the vault does not have: the batch fails.
      messages: rowsOf(1).messages.map((message) => ({ ...message, conversationId: 'c9' })),
    });
    // Sent one after the other without waiting, as an import sends them.
    const outcomes = await Promise.allSettled([
      sink.commit(batchOf(0), 1, { id: 1, recordsDone: PER_BATCH }),
      sink.commit(broken, 1, { id: 1, recordsDone: 2 * PER_BATCH }),
      sink.commit(batchOf(2), 1, { id: 1, recordsDone: 3 * PER_BATCH }),
      sink.commit(batchOf(3), 1, { id: 1, recordsDone: 4 * PER_BATCH }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'rejected',
    ]);
    const reasons = outcomes.map((outcome) =>
      outcome.status === 'rejected' ? String(outcome.reason) : '',
    );
    expect(reasons[2]).toBe(reasons[1]);
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(PER_BATCH);
    expect(count(db, 'SELECT records_done FROM import_jobs WHERE id = 1')).toBe(PER_BATCH);
    // Once the failure is known, a new run of the job writes again.
    await sink.commit(batchOf(1), 1, { id: 1, recordsDone: 2 * PER_BATCH });
    expect(count(db, 'SELECT records_done FROM import_jobs WHERE id = 1')).toBe(2 * PER_BATCH);
    await sink.close();
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(2 * PER_BATCH);
    db.close();
  });
});
