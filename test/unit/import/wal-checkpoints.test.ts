import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writerThreadSink } from '../../../src/main/engine/import/batch-sink';
import { messageRow } from '../../../src/main/engine/import/vault-writer';
import { plainMessage } from '../../../src/main/engine/readers/records';
import { workersDir } from '../../support/paths';
import { useTempDirs } from '../../support/temp-dir';
import { count, insertTestArchiveAndJob, openVaultDb } from '../../support/vault-db';

const tempDir = useTempDirs();

describe('the writer thread with checkpoints on a thread of their own', () => {
  it('keeps the log at a few batches while it commits back to back, and loses nothing', async () => {
    const vaultDir = await tempDir();
    const db = openVaultDb(vaultDir);
    insertTestArchiveAndJob(db);
    const databaseFile = path.join(vaultDir, 'vault.db');
    const sink = writerThreadSink(
      {
        writer: path.join(workersDir, 'writer-worker.mjs'),
        checkpoints: path.join(workersDir, 'checkpoint-worker.mjs'),
      },
      { databaseFile, nativeBinding: undefined },
    );
    const batches = 40;
    const perBatch = 1500;
    let largestLog = 0;
    const commits: Promise<unknown>[] = [];
    // All batches at once: the writer commits them back to back, never pausing (as in a large
    // import, where the next batch is always read by the time this one commits).
    for (let batch = 0; batch < batches; batch += 1) {
      const messages = Array.from({ length: perBatch }, (_, index) => {
        const n = batch * perBatch + index;
        const message = plainMessage({
          sentAt: 1_600_000_000_000 + n * 1000,
          sender: 'Ana',
          text: `message ${n} 你好 ${'x'.repeat(200)}`,
        });
        return messageRow('c1', `k${n}`, message, []);
      });
      const commit = sink.commit(
        {
          conversations: batch === 0 ? [{ id: 'c1', platform: 'telegram', title: 'Test' }] : [],
          participants: [],
          messages,
        },
        1,
        { id: 1, recordsDone: (batch + 1) * perBatch },
      );
      commits.push(
        commit.then(
          () => (largestLog = Math.max(largestLog, statSync(`${databaseFile}-wal`).size)),
        ),
      );
    }
    await Promise.all(commits);
    await sink.close();
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(batches * perBatch);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Without restarts the log would hold every page the import wrote, as much as the database.
    const written = statSync(databaseFile).size + statSync(`${databaseFile}-wal`).size;
    expect(largestLog).toBeLessThan(written / 2);
    db.close();
  });
});
