/**
 * The watched import folder: a file saved or copied into it is imported once it has stopped
 * growing, so a half-copied file never becomes a half import. The folder is only read.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export type WatcherOptions = Readonly<{
  folder: string;
  /** How long a file's size must stay the same before it is imported. */
  stableMilliseconds?: number;
  /** Skips files this vault already holds unchanged (same path and size, imported after its mtime). */
  alreadyImported?: (file: string, bytes: number, modifiedMs: number) => Promise<boolean>;
  submit: (file: string) => void;
}>;

export type ImportFolderWatcher = Readonly<{
  folder: string;
  ready: Promise<void>;
  close: () => Promise<void>;
}>;

const IGNORED = /(^|[/\\])(\.|~\$)|\.(crdownload|part|partial|tmp|download)$/iu;

export async function watchImportFolder(options: WatcherOptions): Promise<ImportFolderWatcher> {
  const folder = path.resolve(options.folder);
  await mkdir(folder, { recursive: true });
  const watcher: FSWatcher = watch(folder, {
    depth: 0,
    ignoreInitial: false,
    ignored: (file) => file !== folder && IGNORED.test(path.basename(file)),
    awaitWriteFinish: { stabilityThreshold: options.stableMilliseconds ?? 2000, pollInterval: 100 },
    alwaysStat: true,
  });
  const onFile = (file: string, stats?: { size: number; mtimeMs: number }): void => {
    void (async () => {
      if (stats !== undefined && options.alreadyImported !== undefined) {
        if (await options.alreadyImported(file, stats.size, stats.mtimeMs)) return;
      }
      options.submit(file);
    })();
  };
  watcher.on('add', onFile);
  watcher.on('change', onFile);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { folder, ready, close: () => watcher.close() };
}
