/**
 * Helpers for readers of formats that name their main file by extension and their media by paths
 * relative to it (Chat Vault JSON, ChatLab): find the main file in a file, folder or zip, and turn
 * a relative media path into a source entry without ever leaving the export.
 */
import path from 'node:path';
import type { ExportSource } from '../source/export-source';
import { ReadError } from './read-error';

export type MainFile = Readonly<{ entry: string; root: string }>;

/**
 * The main file: a single file is itself; in a folder or zip, the shallowest entry (at its root or
 * one folder down) whose name matches the first pattern that matches any, in order.
 */
export function locateMainFile(
  source: ExportSource,
  patterns: readonly RegExp[],
  describe: string,
): MainFile {
  if (source.container === 'file') {
    const only = source.entries[0];
    if (only === undefined) {
      throw new ReadError('ENTRY_MISSING', `${source.name} is empty.`, { entry: source.name });
    }
    return { entry: only.path, root: '' };
  }
  const shallow = source.entries
    .map((entry) => entry.path)
    .filter((entryPath) => entryPath.split('/').length <= 2)
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  for (const pattern of patterns) {
    const found = shallow.find((entryPath) => pattern.test(path.posix.basename(entryPath)));
    if (found !== undefined) {
      const root = path.posix.dirname(found);
      return { entry: found, root: root === '.' ? '' : root };
    }
  }
  throw new ReadError('ENTRY_MISSING', `${source.name} holds no ${describe}.`, {
    entry: source.name,
  });
}

/** The entry a path relative to `root` names, or null when it would leave the export. */
export function entryPathOf(rawPath: string, root: string): string | null {
  const relative = rawPath.replaceAll('\\', '/');
  if (relative === '' || path.posix.isAbsolute(relative) || /^[a-zA-Z]:/u.test(relative)) {
    return null;
  }
  const joined = path.posix.normalize(root === '' ? relative : `${root}/${relative}`);
  const prefix = root === '' ? '' : `${root}/`;
  if (joined === '..' || joined.startsWith('../') || !joined.startsWith(prefix)) return null;
  return joined;
}

/** A vault conversation id as Chat Vault writes it into its exports, or undefined. */
export function vaultIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^c_[0-9a-f]{20}$/u.test(value) ? value : undefined;
}
