/**
 * Places an archive's paths, whatever they hold (`../x`, `/etc/x`, `C:\x`, `CON`, `a:b`, names of
 * 300 characters, two names that differ only in case), as safe relative paths inside one folder:
 * every level made a safe name (see safe-file-name.ts), files of one original folder kept together,
 * and no two paths landing on the same name, even on a case-insensitive file system.
 */
import {
  fileNameKey,
  numberedFileName,
  pathLevels,
  safeFileName,
} from '../../../shared/safe-file-name';

type Folder = {
  /** Names used in this folder (case-folded), files and folders alike. */
  readonly used: Set<string>;
  /** Sub-folders by their original name. */
  readonly folders: Map<string, Readonly<{ name: string; folder: Folder }>>;
};

const newFolder = (): Folder => ({ used: new Set(), folders: new Map() });

/** `wanted`, or the first numbered variant of it not used in `folder` yet (then used). */
function claim(folder: Folder, wanted: string): string {
  for (let attempt = 1; ; attempt += 1) {
    const candidate = numberedFileName(wanted, attempt);
    const key = fileNameKey(candidate);
    if (!folder.used.has(key)) {
      folder.used.add(key);
      return candidate;
    }
  }
}

export class SafeTree {
  readonly #root = newFolder();

  /** The safe levels for the file at `rawPath`, unique within this tree. */
  place(rawPath: string): string[] {
    const levels = pathLevels(rawPath);
    const fileLevel = levels.pop() ?? '';
    const placed: string[] = [];
    let folder = this.#root;
    for (const level of levels) {
      let child = folder.folders.get(level);
      if (child === undefined) {
        child = { name: claim(folder, safeFileName(level)), folder: newFolder() };
        folder.folders.set(level, child);
      }
      placed.push(child.name);
      folder = child.folder;
    }
    placed.push(claim(folder, safeFileName(fileLevel)));
    return placed;
  }
}
