// Builds everything the hosts run: the Node bundles (command line, web host, database worker,
// Electron main and preload) with esbuild, and the renderer with Vite.
//   node scripts/build.mjs            all of it
//   node scripts/build.mjs --quiet    the same, printing only errors
//   node scripts/build.mjs --node     only the command line and database worker (what the engine's
//                                     tests need)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: quiet ? 'error' : 'info',
  // Native and Electron modules are loaded at run time, never bundled.
  external: ['better-sqlite3', 'electron'],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
};

// ESM bundles that still need `require` for native modules loaded through CommonJS shims.
const esmBanner = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};
// CommonJS bundles (Electron main and preload) have no import.meta.url; give them one.
const cjsDefine = { ...common.define, 'import.meta.url': '__importMetaUrl' };
const cjsBanner = {
  js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;",
};

const nodeBundles = esbuild.build({
  ...common,
  format: 'esm',
  banner: esmBanner,
  entryPoints: {
    cli: path.join(root, 'src/main/cli/main.ts'),
    'db-worker': path.join(root, 'src/main/engine/db/worker.ts'),
    'import-worker': path.join(root, 'src/main/engine/import/import-worker.ts'),
    'writer-worker': path.join(root, 'src/main/engine/import/writer-worker.ts'),
    'checkpoint-worker': path.join(root, 'src/main/engine/import/checkpoint-worker.ts'),
    'original-worker': path.join(root, 'src/main/engine/import/original-worker.ts'),
    'hash-worker': path.join(root, 'src/main/engine/restore/hash-worker.ts'),
  },
  outdir: path.join(root, 'out/main'),
  outExtension: { '.js': '.mjs' },
});

const electronBundles = args.has('--node')
  ? []
  : [
      esbuild.build({
        ...common,
        format: 'cjs',
        define: cjsDefine,
        banner: cjsBanner,
        entryPoints: { electron: path.join(root, 'src/main/electron/main.ts') },
        outdir: path.join(root, 'out/main'),
        outExtension: { '.js': '.cjs' },
      }),
      esbuild.build({
        ...common,
        format: 'cjs',
        // The preload runs sandboxed in the renderer: only `electron` may be required there.
        platform: 'browser',
        target: 'chrome140',
        entryPoints: { preload: path.join(root, 'src/main/electron/preload.ts') },
        outdir: path.join(root, 'out/main'),
        outExtension: { '.js': '.cjs' },
      }),
    ];

// The benchmark driver, only when asked for (`npm run bench`).
const benchBundle = args.has('--bench')
  ? [
      esbuild.build({
        ...common,
        format: 'esm',
        banner: esmBanner,
        // The browser driver stays a package (it loads its own files at run time).
        external: [...common.external, 'playwright-core'],
        entryPoints: {
          run: path.join(root, 'bench/run.ts'),
          generate: path.join(root, 'bench/generate-cli.ts'),
          bare: path.join(root, 'bench/bare-cli.ts'),
        },
        outdir: path.join(root, 'out/bench'),
        outExtension: { '.js': '.mjs' },
      }),
    ]
  : [];

await Promise.all([nodeBundles, ...electronBundles, ...benchBundle]);

if (!args.has('--node')) {
  await viteBuild({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: quiet ? 'error' : 'info',
  });
}
