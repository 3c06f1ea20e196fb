/**
 * Where things are in a Slack workspace export (a zip, or the folder it unzips to, possibly one
 * folder down): `users.json` and the conversation lists (`channels.json`, `groups.json` for
 * private channels, `mpims.json` for group DMs, `dms.json` for direct messages) at its root, and
 * one folder per conversation holding a JSON file per day (`general/2023-04-13.json`). Public and
 * private channels and group DMs have folders named after the conversation, DMs after their id.
 */
import path from 'node:path';
import { ReadError } from '../read-error';
import type { ExportSource } from '../../source/export-source';

export const LIST_FILES = ['channels.json', 'groups.json', 'mpims.json', 'dms.json'] as const;
export type ListFile = (typeof LIST_FILES)[number];
const ROOT_FILES: ReadonlySet<string> = new Set<string>(['users.json', ...LIST_FILES]);

const DAY_FILE = /^([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;

export type SlackLayout = Readonly<{
  /** The folder holding users.json and the lists, as a prefix (`''` or `export/`). */
  root: string;
  /** The entries of the root files the export has (users.json, channels.json...). */
  rootFiles: ReadonlySet<string>;
  /** Each conversation folder's day files, oldest first. */
  days: ReadonlyMap<string, readonly string[]>;
}>;

export function slackLayout(source: ExportSource): SlackLayout {
  const roots = source.entries
    .map((entry) => entry.path)
    .filter((entryPath) => ROOT_FILES.has(path.posix.basename(entryPath).toLowerCase()))
    .map((entryPath) => path.posix.dirname(entryPath))
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  const found = roots[0];
  if (found === undefined) {
    throw new ReadError(
      'ENTRY_MISSING',
      `${source.name} is not a Slack workspace export: it has no channels.json or users.json. Import the zip Slack's export gave you, or the folder it unzips to.`,
      { entry: source.name },
    );
  }
  const root = found === '.' ? '' : `${found}/`;
  const rootFiles = new Set<string>();
  const days = new Map<string, string[]>();
  for (const { path: entryPath } of source.entries) {
    if (!entryPath.startsWith(root)) continue;
    const inner = entryPath.slice(root.length);
    if (ROOT_FILES.has(inner.toLowerCase())) rootFiles.add(inner.toLowerCase());
    const match = DAY_FILE.exec(inner);
    const folder = match?.[1];
    if (folder === undefined) continue;
    let list = days.get(folder);
    if (list === undefined) days.set(folder, (list = []));
    list.push(entryPath);
  }
  for (const list of days.values()) list.sort();
  return { root, rootFiles, days };
}

/** The source entry of a root file, by its lower-case name. */
export function rootEntry(source: ExportSource, layout: SlackLayout, name: string): string | null {
  return (
    source.entries.find(
      (entry) =>
        entry.path.startsWith(layout.root) &&
        entry.path.slice(layout.root.length).toLowerCase() === name,
    )?.path ?? null
  );
}
