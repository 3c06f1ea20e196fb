/**
 * The import thread: reads exports and writes them into the vault on its own connection (the one
 * writer), so neither parsing nor SQL ever runs on a UI or main thread. Jobs run one at a time.
 * The thread may start while the vault is still being opened and migrated, so it opens its
 * connection with the first job.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { connectionOnFirstUse, tuneForImport } from '../db/open-database';
import { readerFor } from '../readers/registry';
import { BLOBS_DIR } from '../vault/blob-store';
import { writerThreadSink } from './batch-sink';
import type { ImportReply, ImportRequest, ImportWorkerData } from './import-worker-protocol';
import { copyAndHashBySize } from './original-thread';
import { runImport } from './run-import';

const port = parentPort;
if (port === null) throw new Error('The import worker must run in a worker thread.');
const data = workerData as ImportWorkerData;
const post = (reply: ImportReply): void => port.postMessage(reply);

// Temp files of blobs a killed import was writing; nothing else writes there, and no job runs yet.
rmSync(path.join(data.vaultDir, BLOBS_DIR, 'tmp'), { recursive: true, force: true });
const connection = connectionOnFirstUse(
  data.databaseFile,
  { nativeBinding: data.nativeBinding },
  tuneForImport,
);
// The writer thread lives as long as this one, so an import never waits for it to start.
const sink = writerThreadSink(data.workerPaths, {
  databaseFile: data.databaseFile,
  nativeBinding: data.nativeBinding,
});
const copyOriginal = copyAndHashBySize(data.workerPaths.original);
const cancels = new Map<string, AbortController>();
let queue: Promise<void> = Promise.resolve();
post({ type: 'ready' });

port.on('message', (request: ImportRequest) => {
  switch (request.type) {
    case 'run': {
      const controller = new AbortController();
      cancels.set(request.id, controller);
      queue = queue.then(async () => {
        post({
          type: 'progress',
          id: request.id,
          progress: { bytesDone: 0, bytesTotal: 0, messages: 0 },
        });
        const result = await runImport({
          sink,
          copyOriginal,
          db: connection.get(),
          vaultDir: data.vaultDir,
          inputPath: request.path,
          readerFor,
          ...(request.timeZone === undefined ? {} : { timeZone: request.timeZone }),
          signal: controller.signal,
          onProgress: (progress) => post({ type: 'progress', id: request.id, progress }),
          onCommit: () => post({ type: 'committed', id: request.id }),
        });
        cancels.delete(request.id);
        post({ type: 'done', id: request.id, result });
      });
      return;
    }
    case 'cancel':
      cancels.get(request.id)?.abort();
      return;
    case 'close':
      void queue.then(async () => {
        await sink.close();
        connection.close();
        port.close();
      });
      return;
  }
});
