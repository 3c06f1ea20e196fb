import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';

/**
 * The modules a bundle evaluates as it starts: those its entry reaches through static imports.
 * What only a dynamic import reaches is bundled too, but evaluated when it is first used.
 */
async function loadedAtStart(entry: string): Promise<Set<string>> {
  const result = await esbuild.build({
    entryPoints: [path.join(repoRoot, entry)],
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3', 'electron'],
    define: { __APP_VERSION__: '"test"' },
    write: false,
    metafile: true,
    logLevel: 'silent',
    outfile: 'out/probe.mjs',
  });
  const { inputs } = result.metafile;
  const reached = new Set<string>([entry]);
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.kind === 'dynamic-import' || imported.external) continue;
      if (reached.has(imported.path)) continue;
      reached.add(imported.path);
      pending.push(imported.path);
    }
  }
  return reached;
}

const fromPackage = (files: ReadonlySet<string>, name: string): string[] =>
  [...files].filter((file) => file.startsWith(`node_modules/${name}/`));

describe('what the threads load as they start', () => {
  // zod took some 75 ms to load per thread, on the way to the first message of every import.
  it('the database thread never loads zod or the wire contract', async () => {
    const files = await loadedAtStart('src/main/engine/db/worker.ts');
    expect(fromPackage(files, 'zod')).toEqual([]);
    expect([...files].filter((file) => file.startsWith('src/shared/contract'))).toEqual([]);
  });

  it('the import thread loads zod only with a schema-checked reader', async () => {
    const files = await loadedAtStart('src/main/engine/import/import-worker.ts');
    expect(fromPackage(files, 'zod')).toEqual([]);
    expect(files.has('src/main/engine/readers/telegram/index.ts')).toBe(true);
    expect(files.has('src/main/engine/readers/chatlab/schema.ts')).toBe(false);
    expect(files.has('src/main/engine/readers/chat-vault-json/schema.ts')).toBe(false);
  });
});
