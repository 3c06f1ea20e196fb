import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';

/** The preload bundled as scripts/build.mjs bundles it (browser platform, electron external). */
async function preloadMetafile(): Promise<esbuild.Metafile> {
  const result = await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: [path.join(repoRoot, 'src/main/electron/preload.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

describe('preload bundle', () => {
  it('requires nothing at run time but electron, as the sandbox demands', async () => {
    const output = Object.values((await preloadMetafile()).outputs)[0];
    const external = output?.imports.filter((entry) => entry.external).map((entry) => entry.path);
    expect(external).toEqual(['electron']);
  });

  it('is made only of the preload and src/shared', async () => {
    const inputs = Object.keys((await preloadMetafile()).inputs);
    expect(inputs).toContain('src/main/electron/preload.ts');
    expect(
      inputs.every(
        (input) => input.startsWith('src/shared/') || input === 'src/main/electron/preload.ts',
      ),
    ).toBe(true);
  });
});
