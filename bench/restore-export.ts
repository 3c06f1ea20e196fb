/**
 * Restore and export figures:
 * - restore: a folder export of many media files is imported, then restored in-process (every
 *   file copied, re-hashed by the app's pool of hashing threads, and synced) and compared with `cp -r` of the same folder in the same run
 *   (best of two each), and with `cp -r` followed by `sync -d` of every file, since a restore
 *   syncs what it wrote before naming it (plain `cp` leaves it in the page cache and checks nothing);
 * - export: a conversation of the vault an import bench filled (1M messages by default) exported
 *   to HTML and to ChatLab JSONL through the command line, with time and peak RSS.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openEngine } from '../src/main/engine/engine';
import { HashPool } from '../src/main/engine/restore/file-hasher';
import { restoreArchive } from '../src/main/engine/restore/restore-archive';
import { measureCommand } from './measure-command';

export type RestoreFigures = Readonly<{
  files: number;
  MB: number;
  restoreSeconds: number;
  cpSeconds: number;
  cpAndSyncSeconds: number;
  restoreMBPerSecond: number;
  cpMBPerSecond: number;
  ratioToCp: number;
  ratioToCpAndSync: number;
}>;

/** A WhatsApp-style export folder: a small chat and `files` media files totalling `megabytes`. */
async function writeMediaFolder(folder: string, megabytes: number, files: number): Promise<number> {
  await mkdir(path.join(folder, 'media'), { recursive: true });
  await writeFile(
    path.join(folder, 'WhatsApp Chat with Bench.txt'),
    '13/01/2015, 10:00 - Ana: hello\n',
  );
  const each = Math.max(1, Math.floor((megabytes * 1024 * 1024) / files));
  for (let index = 0; index < files; index += 1) {
    await writeFile(
      path.join(folder, 'media', `IMG-${String(index).padStart(6, '0')}.jpg`),
      randomBytes(each),
    );
  }
  return each * files;
}

/**
 * The fastest of `runs` runs, each started with nothing waiting to be written to disk (`sync`), so
 * no run pays for the writing an earlier one left behind.
 */
async function best<T>(
  runs: number,
  run: () => Promise<T>,
  ms: (value: T) => number,
): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let index = 0; index < runs; index += 1) {
    await measureCommand('sync', []);
    fastest = Math.min(fastest, ms(await run()));
  }
  return fastest;
}

export async function benchRestore(
  root: string,
  cli: string,
  workersDir: string,
  megabytes: number,
  files: number,
): Promise<RestoreFigures> {
  const input = path.join(root, 'restore-input', 'Bench export');
  const vaultDir = path.join(root, 'restore-vault');
  const out = path.join(root, 'restore-out');
  await Promise.all([input, vaultDir, out].map((dir) => rm(dir, { recursive: true, force: true })));
  const bytes = await writeMediaFolder(input, megabytes, files);
  const imported = await measureCommand(process.execPath, [
    cli,
    '--vault',
    vaultDir,
    'import',
    input,
    '--json',
  ]);
  const archiveId =
    (JSON.parse(imported.stdout) as { imports: { archiveId: string }[] }).imports[0]?.archiveId ??
    '';
  const engine = await openEngine({ vaultDir, workersDir, appVersion: 'bench' });
  // The copies are read back and hashed by a pool of threads, as the app's restores are.
  const hashPool = new HashPool(path.join(workersDir, 'hash-worker.mjs'));
  try {
    let run = 0;
    const restoreMs = await best(
      2,
      async () => {
        const started = performance.now();
        await restoreArchive({
          vaultDir,
          db: engine.db,
          archiveId,
          destination: path.join(out, `restore-${run++}`),
          hasher: hashPool.hash,
        });
        return performance.now() - started;
      },
      (ms) => ms,
    );
    const cpMs = await best(
      2,
      async () => {
        const target = path.join(out, `cp-${run++}`);
        await mkdir(target, { recursive: true });
        return measureCommand('cp', ['-r', input, target]);
      },
      (figures) => figures.ms,
    );
    // The same copy made durable, as a restore is (cp leaves it in the page cache).
    const cpAndSyncMs = await best(
      2,
      async () => {
        const target = path.join(out, `cp-sync-${run++}`);
        await mkdir(target, { recursive: true });
        return measureCommand('sh', [
          '-c',
          'cp -r "$1" "$2" && find "$2" -type f -exec sync -d {} +',
          'cp-and-sync',
          input,
          target,
        ]);
      },
      (figures) => figures.ms,
    );
    const MB = bytes / 1e6;
    return {
      files: files + 1,
      MB: +MB.toFixed(1),
      restoreSeconds: +(restoreMs / 1000).toFixed(3),
      cpSeconds: +(cpMs / 1000).toFixed(3),
      cpAndSyncSeconds: +(cpAndSyncMs / 1000).toFixed(3),
      restoreMBPerSecond: +(MB / (restoreMs / 1000)).toFixed(1),
      cpMBPerSecond: +(MB / (cpMs / 1000)).toFixed(1),
      ratioToCp: +(cpMs / restoreMs).toFixed(2),
      ratioToCpAndSync: +(cpAndSyncMs / restoreMs).toFixed(2),
    };
  } finally {
    await hashPool.close();
    await engine.close();
    await Promise.all(
      [path.dirname(input), out].map((dir) => rm(dir, { recursive: true, force: true })),
    );
  }
}

export type ExportFigures = Readonly<{
  format: string;
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  peakRssMB: number;
  outputMB: number;
}>;

/** Exports the biggest conversation of `vaultDir` through the command line. */
export async function benchExport(
  cli: string,
  vaultDir: string,
  out: string,
  format: 'html' | 'chatlab',
): Promise<ExportFigures> {
  const listed = await measureCommand(process.execPath, [
    cli,
    '--vault',
    vaultDir,
    'conversations',
    '--json',
  ]);
  const [biggest] = (JSON.parse(listed.stdout) as { id: string; messageCount: number }[]).sort(
    (a, b) => b.messageCount - a.messageCount,
  );
  if (biggest === undefined) throw new Error(`no conversation in ${vaultDir}`);
  await rm(out, { recursive: true, force: true });
  const figures = await measureCommand(process.execPath, [
    cli,
    '--vault',
    vaultDir,
    'export',
    biggest.id,
    '--to',
    out,
    '--format',
    format,
    '--json',
  ]);
  const report = JSON.parse(figures.stdout) as { exports: { messages: number; bytes: number }[] };
  const written = report.exports[0];
  await rm(out, { recursive: true, force: true });
  return {
    format,
    messages: written?.messages ?? 0,
    seconds: +(figures.ms / 1000).toFixed(2),
    messagesPerSecond: Math.round((written?.messages ?? 0) / (figures.ms / 1000)),
    peakRssMB: Math.round(figures.peakRssMb),
    outputMB: +((written?.bytes ?? 0) / 1e6).toFixed(1),
  };
}
