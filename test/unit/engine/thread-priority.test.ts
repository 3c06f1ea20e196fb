import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICENESS } from '../../../src/main/engine/thread-priority';
import { repoRoot } from '../../support/paths';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

/**
 * A script that lowers a worker thread's priority and prints the niceness of that thread and of
 * the main thread, as the system reports them (/proc/<pid>/task/<tid>/stat, field 19).
 */
const PROBE = `
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { linuxThreadId, lowerThisThreadPriority } from ${JSON.stringify(path.join(repoRoot, 'src/main/engine/thread-priority.ts'))};
const niceness = (tid) =>
  Number(readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ')[16]);
if (isMainThread) {
  const worker = new Worker(fileURLToPath(import.meta.url));
  worker.once('message', ({ lowered, tid }) => {
    console.log(JSON.stringify({ lowered, worker: niceness(tid), main: niceness(linuxThreadId()) }));
  });
} else {
  const lowered = lowerThisThreadPriority();
  parentPort.postMessage({ lowered, tid: linuxThreadId() });
}
`;

describe('background priority', () => {
  it.runIf(process.platform === 'linux')(
    "lowers the calling thread's priority, and only that thread's",
    async () => {
      const dir = await tempDir();
      const probe = path.join(dir, 'probe.mjs');
      await esbuild.build({
        stdin: { contents: PROBE, resolveDir: dir, loader: 'js' },
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: probe,
        logLevel: 'silent',
      });
      const child = spawnSync(process.execPath, [probe], { encoding: 'utf8' });
      expect(child.stderr).toBe('');
      const before = Number(
        (await readFile('/proc/self/stat', 'utf8')).split(') ')[1]?.split(' ')[16],
      );
      expect(JSON.parse(child.stdout)).toEqual({
        lowered: true,
        worker: BACKGROUND_NICENESS,
        main: before,
      });
    },
  );
});
