/**
 * The bare write limit: the same rows and full-text index an import writes, through the same
 * writer and checkpoint threads in the same batch sizes, with as many batches sent ahead as an
 * import sends (COMMITS_IN_FLIGHT), and no parsing at all (rows are made from generated text on
 * this thread), with the engine's setting for garbage collection.
 */
import path from 'node:path';
import { migrate } from '../src/main/engine/db/migrate';
import { MIGRATIONS } from '../src/main/engine/db/migrations';
import { openDatabase } from '../src/main/engine/db/open-database';
import { BatchPacker } from '../src/main/engine/import/batch-columns';
import { writerThreadSink } from '../src/main/engine/import/batch-sink';
import { COMMITS_IN_FLIGHT, LATER_BATCH_MESSAGES } from '../src/main/engine/import/batch-policy';
import { MessageKeyer, conversationIdFor } from '../src/main/engine/import/message-key';
import { messageRow } from '../src/main/engine/import/vault-writer';
import { plainMessage } from '../src/main/engine/readers/records';
import { collectYoungGenerationsOnOneThread } from '../src/main/engine/young-collections';
import { senderFor, textFor } from './generate';

export async function bareWrite(
  vaultDir: string,
  messages: number,
  withExternalIds: boolean,
  workersDir: string,
): Promise<number> {
  // As the engine runs its threads.
  collectYoungGenerationsOnOneThread();
  const file = path.join(vaultDir, 'vault.db');
  const db = openDatabase(file);
  migrate(db, MIGRATIONS, file);
  const now = Date.now();
  db.prepare(
    "INSERT INTO archives (public_id, name, source_path, format, container, status, started_at) VALUES ('a', 'bench', 'bench', 'bench', 'file', 'importing', ?)",
  ).run(now);
  db.prepare(
    "INSERT INTO import_jobs (path, archive_id, state, records_done, updated_at) VALUES ('bench', 1, 'running', 0, ?)",
  ).run(now);
  const sink = writerThreadSink(
    {
      writer: path.join(workersDir, 'writer-worker.mjs'),
      checkpoints: path.join(workersDir, 'checkpoint-worker.mjs'),
    },
    { databaseFile: file, nativeBinding: undefined },
  );
  const keyer = new MessageKeyer();
  // Rows are packed as they are made, as an import packs them as they are read.
  const packer = new BatchPacker();
  const conversationId = conversationIdFor('bench');
  const started = performance.now();
  const inFlight: Promise<unknown>[] = [];
  packer.conversation({ id: conversationId, platform: 'telegram', title: 'bench' });
  for (let start = 0; start < messages; start += LATER_BATCH_MESSAGES) {
    for (let i = start; i < Math.min(messages, start + LATER_BATCH_MESSAGES); i += 1) {
      const message = plainMessage({
        externalId: withExternalIds ? String(i + 1) : null,
        sentAt: Date.UTC(2015, 0, 13) + i * 30_000,
        sender: senderFor(i),
        text: textFor(i),
      });
      packer.add(messageRow(conversationId, keyer.key(conversationId, message), message, []));
    }
    const batch = packer.takeNow();
    while (inFlight.length >= COMMITS_IN_FLIGHT) await inFlight.shift();
    inFlight.push(sink.commit(batch, 1, { id: 1, recordsDone: start + batch.count }));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  await sink.close();
  db.close();
  return messages / seconds;
}
