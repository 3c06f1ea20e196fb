// Builds better-sqlite3 for the installed Electron into build/native/electron/better_sqlite3.node,
// leaving node_modules/better-sqlite3/build (the Node build the tests and the command line use)
// untouched: the package source is copied to a temporary folder and compiled there with node-gyp
// against Electron's headers. Skips the work when the stamp says the binary already matches.
//   node scripts/build-native-electron.mjs            (npm start runs it)
//   node scripts/build-native-electron.mjs --force    rebuild even when up to date
// Needs a C++ toolchain and network access to https://electronjs.org/headers (the first time).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'build', 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');
const HEADERS_URL = 'https://electronjs.org/headers';

async function readJson(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}

class BuildError extends Error {}

function fail(message) {
  throw new BuildError(message);
}

async function wanted() {
  const electronPkg = path.join(root, 'node_modules', 'electron', 'package.json');
  const sqlitePkg = path.join(root, 'node_modules', 'better-sqlite3', 'package.json');
  if (!existsSync(electronPkg)) fail('node_modules/electron is not installed. Run npm install.');
  if (!existsSync(sqlitePkg))
    fail('node_modules/better-sqlite3 is not installed. Run npm install.');
  return {
    electron: (await readJson(electronPkg)).version,
    betterSqlite3: (await readJson(sqlitePkg)).version,
    platform: process.platform,
    arch: process.arch,
  };
}

async function isUpToDate(target) {
  if (!existsSync(outFile) || !existsSync(stampFile)) return false;
  try {
    const stamp = await readJson(stampFile);
    return Object.entries(target).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

/** node-gyp as installed with npm (node_modules/node-gyp), else whatever `npm exec` finds. */
function nodeGypCommand() {
  const local = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (existsSync(local)) return { command: process.execPath, prefix: [local] };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return {
    command: npm,
    prefix: ['exec', '--yes', '--', 'node-gyp'],
    shell: process.platform === 'win32',
  };
}

async function main() {
  const target = await wanted();
  const force = process.argv.includes('--force');
  if (!force && (await isUpToDate(target))) {
    console.log(
      `build-native-electron: up to date (better-sqlite3 ${target.betterSqlite3}, Electron ${target.electron}).`,
    );
    return;
  }

  console.log(
    `build-native-electron: building better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} (${target.platform}-${target.arch})…`,
  );
  const work = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-native-'));
  try {
    const source = path.join(work, 'better-sqlite3');
    // Everything but the existing build: the compile must not see (or touch) the Node objects.
    const nodeBuild = path.join(root, 'node_modules', 'better-sqlite3', 'build');
    await cp(path.join(root, 'node_modules', 'better-sqlite3'), source, {
      recursive: true,
      filter: (from) => from !== nodeBuild && !from.startsWith(nodeBuild + path.sep),
    });

    const gyp = nodeGypCommand();
    const args = [
      ...gyp.prefix,
      'rebuild',
      '--release',
      `--target=${target.electron}`,
      `--arch=${target.arch}`,
      `--dist-url=${HEADERS_URL}`,
      '--runtime=electron',
    ];
    const result = spawnSync(gyp.command, args, {
      cwd: source,
      stdio: 'inherit',
      shell: gyp.shell ?? false,
      env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: target.electron },
    });
    if (result.error !== undefined || result.status !== 0) {
      const why =
        result.error !== undefined ? result.error.message : `node-gyp exited with ${result.status}`;
      fail(
        [
          `could not build better-sqlite3 for Electron ${target.electron} (${why}).`,
          `node-gyp needs Electron's headers from ${HEADERS_URL} (downloaded once, then cached) and a C++`,
          'toolchain (Python 3, make and g++ on Linux; Xcode command line tools on macOS; Visual Studio',
          'Build Tools on Windows). Check the network and the toolchain, then run this again.',
          'Without Electron, `npm run serve` runs the same app in a browser.',
        ].join('\n  '),
      );
    }

    const built = path.join(source, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) fail(`node-gyp finished but ${built} is missing.`);
    await mkdir(outDir, { recursive: true });
    await copyFile(built, outFile);
    await writeFile(stampFile, `${JSON.stringify(target, null, 2)}\n`);
    console.log(`build-native-electron: wrote ${path.relative(root, outFile)}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  console.error(`build-native-electron: ${error.message}`);
  process.exitCode = 1;
}
