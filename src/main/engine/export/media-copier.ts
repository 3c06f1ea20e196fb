/**
 * Copies the stored files an export shows into its `media/` folder: each stored file once, however
 * many messages show it, under a safe and unique name (the original name where possible).
 */
import { constants } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileNameKey, numberedFileName, safeFileName } from '../../../shared/safe-file-name';
import { outputError } from '../output/output-errors';
import { blobPath, exists } from '../vault/blob-store';

export const MEDIA_FOLDER = 'media';

export class MediaCopier {
  readonly #vaultDir: string;
  readonly #folder: string;
  readonly #placed = new Map<string, Promise<string | null>>();
  readonly #used = new Set<string>();
  #made = false;
  /** Files copied and their bytes, and stored files found missing. */
  files = 0;
  bytes = 0;
  missing = 0;

  constructor(vaultDir: string, exportFolder: string) {
    this.#vaultDir = vaultDir;
    this.#folder = path.join(exportFolder, MEDIA_FOLDER);
  }

  /** The copy's path relative to the export folder (`media/IMG.jpg`), or null when not stored. */
  place(sha256: string | null, name: string, bytes: number | null): Promise<string | null> {
    if (sha256 === null || !/^[0-9a-f]{64}$/u.test(sha256)) return Promise.resolve(null);
    let placed = this.#placed.get(sha256);
    if (placed === undefined) {
      placed = this.#copy(sha256, name, bytes ?? 0);
      this.#placed.set(sha256, placed);
    }
    return placed;
  }

  async #copy(sha256: string, name: string, bytes: number): Promise<string | null> {
    const source = blobPath(this.#vaultDir, sha256);
    if (!(await exists(source))) {
      this.missing += 1;
      return null;
    }
    const wanted = safeFileName(name, 'file');
    let chosen = wanted;
    for (let attempt = 1; ; attempt += 1) {
      chosen = numberedFileName(wanted, attempt);
      if (!this.#used.has(fileNameKey(chosen))) break;
    }
    this.#used.add(fileNameKey(chosen));
    const target = path.join(this.#folder, chosen);
    try {
      if (!this.#made) {
        await mkdir(this.#folder, { recursive: true });
        this.#made = true;
      }
      await copyFile(source, target, constants.COPYFILE_EXCL);
    } catch (error) {
      throw outputError(error, target);
    }
    this.files += 1;
    this.bytes += bytes;
    return `${MEDIA_FOLDER}/${chosen}`;
  }
}
