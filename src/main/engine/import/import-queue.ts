/**
 * The import queue: paths from drops, dialogs and the command line wait here and are handled one at
 * a time, each reported to every UI as it changes state.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportItem } from '../../../shared/contract';
import { PLATFORM_NAMES } from '../../../shared/platforms';
import { detectFormat } from '../detect/detect-format';
import { describeError, VaultError } from '../errors';

export type ImportListener = (item: ImportItem) => void;

async function checkPath(filePath: string): Promise<number> {
  try {
    const info = await stat(filePath);
    return info.isDirectory() ? 0 : info.size;
  } catch (error) {
    throw new VaultError(
      'NOT_FOUND',
      `${filePath} could not be read: it does not exist or is not accessible.`,
      {
        file: filePath,
        cause: error,
      },
    );
  }
}

/** What happens to one path now that it is its turn. */
async function examine(item: ImportItem): Promise<ImportItem> {
  const bytes = await checkPath(item.path);
  const detection = await detectFormat(item.path);
  if (detection.kind === 'unknown') {
    return {
      ...item,
      bytes,
      status: 'failed',
      error: {
        code: 'UNKNOWN_FORMAT',
        message: `Chat Vault found no chat in ${item.name} (${detection.reason}). Export the chat again from its app and drop the exported file, folder or zip.`,
        file: item.path,
      },
    };
  }
  return {
    ...item,
    bytes,
    format: detection.format,
    status: 'failed',
    error: {
      code: 'READER_NOT_AVAILABLE',
      message: `${item.name} is a ${PLATFORM_NAMES[detection.platform]} export (${detection.format}), but this version of Chat Vault cannot read that format yet. Nothing was stored.`,
      file: item.path,
    },
  };
}

export class ImportQueue {
  readonly #items = new Map<string, ImportItem>();
  readonly #listener: ImportListener;
  #tail: Promise<void> = Promise.resolve();

  constructor(listener: ImportListener) {
    this.#listener = listener;
  }

  submit(paths: readonly string[]): ImportItem[] {
    return paths.map((rawPath) => {
      const absolute = path.resolve(rawPath);
      const item: ImportItem = {
        id: randomUUID(),
        path: absolute,
        name: path.basename(absolute),
        status: 'queued',
        format: null,
        bytes: null,
        error: null,
      };
      this.#update(item);
      this.#tail = this.#tail.then(() => this.#run(item));
      return item;
    });
  }

  list(): ImportItem[] {
    return [...this.#items.values()];
  }

  /** Resolves once every submitted path has been handled. */
  idle(): Promise<void> {
    return this.#tail;
  }

  async #run(queued: ImportItem): Promise<void> {
    const checking: ImportItem = { ...queued, status: 'checking' };
    this.#update(checking);
    try {
      this.#update(await examine(checking));
    } catch (error) {
      this.#update({
        ...checking,
        status: 'failed',
        error: { file: checking.path, ...describeError(error) },
      });
    }
  }

  #update(item: ImportItem): void {
    this.#items.set(item.id, item);
    this.#listener(item);
  }
}
