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

// Checked before anything else: node_modules/.bin/electron would try to download it again.
const binary = electronBinary();
if (binary === null) {
  console.error(
    [
      'start-electron: the Electron binary is missing (node_modules/electron/dist).',
      'Its download (from github.com/electron/electron releases) did not happen on this machine, so the',
      'desktop window cannot open here. To get it where the network allows: `npx install-electron`, or',
      'delete node_modules/electron and run `npm install` again.',
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
