/**
 * The engine's settings at run time: the time zone imports read zoneless times in, and the watched
 * import folder with its state. A host either fixes the folder (`chat-vault watch DIR`), offers a
 * default the person may change (the desktop app), or has none (the web host shows that).
 */
import path from 'node:path';
import type { Settings } from '../../../shared/contract';
import { checkedTimeZone } from '../browse/month-days';
import { describeError, VaultError } from '../errors';
import { machineTimeZone } from '../readers/zoned-time';
import type { ImportFolderWatcher } from '../watch/import-folder-watcher';
import { readSettings, writeSettings, type SavedSettings } from './settings-file';

export type SettingsChange = Readonly<{ timeZone?: string | null; importFolder?: string }>;

export type EngineSettingsOptions = Readonly<{
  vaultDir: string;
  /** A folder the host watches whatever is saved (the command line's `watch DIR`). */
  fixedImportFolder: string | undefined;
  /** The folder watched until the person chooses another (the desktop app's). */
  defaultImportFolder: string | undefined;
  /** The zone used when none is saved; default: the machine's. */
  defaultTimeZone: string | undefined;
  startWatcher: (folder: string) => Promise<ImportFolderWatcher>;
  onChange: (settings: Settings) => void;
}>;

type FolderState = { path: string; watching: boolean; error: string | null };

const isInside = (root: string, file: string): boolean => {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

export class EngineSettings {
  readonly #options: EngineSettingsOptions;
  #saved: SavedSettings;
  #folder: FolderState | null = null;
  #watcher: ImportFolderWatcher | null = null;
  /** Changes run one at a time, in the order they were asked for. */
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(options: EngineSettingsOptions, saved: SavedSettings) {
    this.#options = options;
    this.#saved = saved;
  }

  /**
   * Reads the saved settings (a damaged file counts as none, and is replaced on the next change)
   * and starts watching the import folder. A fixed folder that cannot be watched fails the open;
   * a chosen or default one is reported in the settings instead, so the vault still opens.
   */
  static async open(options: EngineSettingsOptions): Promise<EngineSettings> {
    const saved: SavedSettings = await readSettings(options.vaultDir).catch(() => ({}));
    const settings = new EngineSettings(options, saved);
    const folder = options.fixedImportFolder ?? saved.importFolder ?? options.defaultImportFolder;
    if (folder !== undefined) {
      await settings.#watch(folder, options.fixedImportFolder !== undefined);
    }
    return settings;
  }

  /** The zone imports read zoneless times in (undefined: the machine's). */
  get timeZone(): string | undefined {
    return this.#saved.timeZone ?? this.#options.defaultTimeZone;
  }

  get importFolder(): string | null {
    return this.#folder?.path ?? null;
  }

  /** Resolves once the import folder (if any) is being watched. */
  get watcherReady(): Promise<void> {
    return this.#watcher?.ready ?? Promise.resolve();
  }

  current(): Settings {
    return {
      timeZone: this.timeZone ?? null,
      machineTimeZone: machineTimeZone(),
      importFolder: this.#folder === null ? null : { ...this.#folder },
      importFolderChangeable:
        this.#options.fixedImportFolder === undefined &&
        this.#options.defaultImportFolder !== undefined,
    };
  }

  update(change: SettingsChange): Promise<Settings> {
    const run = this.#queue.then(() => this.#apply(change));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue;
    await this.#watcher?.close();
    this.#watcher = null;
  }

  async #apply(change: SettingsChange): Promise<Settings> {
    let saved = this.#saved;
    if (change.timeZone !== undefined) {
      saved =
        change.timeZone === null
          ? { ...(saved.importFolder === undefined ? {} : { importFolder: saved.importFolder }) }
          : { ...saved, timeZone: checkedTimeZone(change.timeZone) };
    }
    if (change.importFolder !== undefined) {
      const folder = this.#checkedFolder(change.importFolder);
      if (folder !== this.#folder?.path || this.#folder.error !== null)
        await this.#watch(folder, true);
      saved = { ...saved, importFolder: folder };
    }
    await writeSettings(this.#options.vaultDir, saved);
    this.#saved = saved;
    const settings = this.current();
    this.#options.onChange(settings);
    return settings;
  }

  #checkedFolder(folder: string): string {
    if (this.current().importFolderChangeable === false) {
      throw new VaultError(
        'IMPORT_FOLDER_FIXED',
        'This copy of Chat Vault has no import folder to change. The desktop app watches one; on the command line, use “chat-vault watch DIR”.',
      );
    }
    if (!path.isAbsolute(folder)) {
      throw new VaultError(
        'IMPORT_FOLDER_NOT_ABSOLUTE',
        `The import folder must be a full path (${folder} is relative). Choose the folder again.`,
      );
    }
    const resolved = path.resolve(folder);
    if (isInside(this.#options.vaultDir, resolved) || isInside(resolved, this.#options.vaultDir)) {
      throw new VaultError(
        'IMPORT_FOLDER_IN_VAULT',
        'The import folder cannot be inside the vault or contain it. Choose a folder outside the vault.',
        { file: resolved },
      );
    }
    return resolved;
  }

  /**
   * Watches `folder` instead of the current one. When it cannot be watched, the failure is kept in
   * the state (and thrown when `rethrow`); the folder watched before stays watched.
   */
  async #watch(folder: string, rethrow: boolean): Promise<void> {
    let watcher: ImportFolderWatcher;
    try {
      watcher = await this.#options.startWatcher(folder);
    } catch (error) {
      const { message } = describeError(error);
      const failure = new VaultError(
        'IMPORT_FOLDER_UNAVAILABLE',
        `The import folder ${folder} cannot be watched (${message}). Choose a folder you can read and write.`,
        { file: folder, cause: error },
      );
      if (this.#watcher === null)
        this.#folder = { path: folder, watching: false, error: failure.message };
      if (rethrow) throw failure;
      return;
    }
    const previous = this.#watcher;
    this.#watcher = watcher;
    const state: FolderState = { path: watcher.folder, watching: false, error: null };
    this.#folder = state;
    await previous?.close();
    void watcher.ready.then(() => {
      if (this.#closed || this.#folder !== state) return;
      state.watching = true;
      this.#options.onChange(this.current());
    });
  }
}
