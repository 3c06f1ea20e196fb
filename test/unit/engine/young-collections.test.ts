import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ONE_THREAD_YOUNG_COLLECTIONS } from '../../../src/main/engine/young-collections';
import { chatLines } from '../../support/fake-whatsapp-reader';
import { cliPath } from '../../support/paths';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

/**
 * V8's trace of young collections, by isolate: how many threads (scavenger tasks) each one used.
 * `--trace-parallel-scavenge` prints a line per task, `--trace-gc` a line per collection after them.
 */
function tasksPerCollection(trace: string): Map<string, number[]> {
  const byIsolate = new Map<string, number[]>();
  const tasksSoFar = new Map<string, number>();
  for (const line of trace.split('\n')) {
    const isolate = /^\[\d+:(0x[0-9a-f]+)\]/u.exec(line)?.[1];
    if (isolate === undefined) continue;
    if (/\] scavenge\[0x[0-9a-f]+\]: time=/u.test(line)) {
      tasksSoFar.set(isolate, (tasksSoFar.get(isolate) ?? 0) + 1);
    } else if (/ ms: Scavenge /u.test(line)) {
      const collections = byIsolate.get(isolate) ?? [];
      collections.push(tasksSoFar.get(isolate) ?? 0);
      byIsolate.set(isolate, collections);
      tasksSoFar.set(isolate, 0);
    }
  }
  return byIsolate;
}

describe('young-generation collections', () => {
  it('run on the reading thread alone during an import', { timeout: 60_000 }, async () => {
    const file = path.join(await tempDir(), 'WhatsApp Chat with Ana.txt');
    await writeFile(file, chatLines(20_000));
    const child = spawnSync(
      process.execPath,
      [
        '--trace-gc',
        '--trace-parallel-scavenge',
        cliPath,
        '--vault',
        await tempDir(),
        'import',
        file,
        '--json',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(child.status).toBe(0);
    // The reading thread makes the most garbage of all the threads.
    const [reading] = [...tasksPerCollection(child.stdout).values()].sort(
      (a, b) => b.length - a.length,
    );
    expect(reading?.length).toBeGreaterThanOrEqual(5);
    expect(new Set(reading)).toEqual(new Set([1]));
  });

  it('is a flag this V8 knows', () => {
    const child = spawnSync(process.execPath, [ONE_THREAD_YOUNG_COLLECTIONS, '-e', '0'], {
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
  });
});
