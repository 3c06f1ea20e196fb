import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, workersDir } from '../../support/paths';

describe('the packaged app', () => {
  it('unpacks every worker bundle from app.asar (worker threads cannot load code inside it)', () => {
    const config = readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8');
    const unpacked = config.slice(config.indexOf('asarUnpack:'));
    const patterns = [...unpacked.matchAll(/^ {2}- (\S+)$/gmu)].map((match) => match[1] ?? '');
    const workers = readdirSync(workersDir).filter((name) => name.endsWith('-worker.mjs'));
    expect(workers).toEqual(expect.arrayContaining(['checkpoint-worker.mjs', 'hash-worker.mjs']));
    for (const worker of workers) {
      const file = `out/main/${worker}`;
      expect(
        patterns.filter((pattern) => path.matchesGlob(file, pattern)),
        file,
      ).not.toEqual([]);
    }
  });
});
