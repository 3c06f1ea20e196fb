// Starts the desktop app from a checkout (npm start builds first): checks that the Electron binary
// was downloaded, builds better-sqlite3 for Electron when needed, then runs `electron .` (package.json
// `main` is out/main/electron.cjs), forwarding the arguments and the exit code.
//   node scripts/start-electron.mjs [FILE...]     files given are imported at launch
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

/** The Electron executable that `npm install` downloaded, or null when the download never happened. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

// Electron downloads its binary lazily, at first launch. Fetch it here (its own install script) so
// that a failure gets a clear message instead of a stack trace.
let binary = electronBinary();
if (binary === null) {
  console.log('start-electron: downloading the Electron binary (first launch only)...');
  const download = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: root,
    stdio: 'inherit',
  });
  binary = download.status === 0 ? electronBinary() : null;
}
if (binary === null) {
  console.error(
    [
      'start-electron: the Electron binary could not be downloaded (node_modules/electron/dist is missing).',
      "This machine cannot reach Electron's download site, so the desktop window cannot open here.",
      'Where the network allows, run `npm start` again (or `npx install-electron`).',
      'Meanwhile the same app runs in a browser: `npm run serve`, then open the printed address.',
    ].join('\n  '),
  );
  process.exit(1);
}

const native = spawnSync(
  process.execPath,
  [path.join(root, 'scripts', 'build-native-electron.mjs')],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (native.status !== 0) process.exit(native.status ?? 1);

// ELECTRON_RUN_AS_NODE (set by some tools) would make Electron behave as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`start-electron: could not run ${binary}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal !== null) {
    console.error(`start-electron: Electron ended by ${signal}.`);
    process.exit(1);
  }
  process.exit(code ?? 0);
});
