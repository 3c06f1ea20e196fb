/**
 * Which files of an export are DiscordChatExporter JSON, in reading order. DiscordChatExporter
 * writes one file per channel (threads are channels of their own), and with `--partition` splits a
 * long channel into `Name.json`, `Name [part 2].json`, `Name [part 3].json`...; its `--media`
 * downloads sit in a folder beside each file (`Name.json_Files/` by default), and a JSON file in
 * there is an attachment, never an export.
 */
import type { ExportSource } from '../../source/export-source';

const PART = /^(.*) \[part (\d+)\]\.json$/i;

type Ordered = Readonly<{ entry: string; base: string; part: number }>;

function orderOf(entry: string): Ordered {
  const match = PART.exec(entry);
  if (match === null) return { entry, base: entry.replace(/\.json$/i, ''), part: 1 };
  return { entry, base: match[1] ?? entry, part: Number(match[2]) };
}

function isMediaFolderFile(entry: string): boolean {
  return entry
    .split('/')
    .slice(0, -1)
    .some((folder) => folder.toLowerCase().endsWith('_files'));
}

/** The JSON files to read: a single file is itself; a folder or zip, every channel file in it. */
export function discordExportFiles(source: ExportSource): string[] {
  if (source.container === 'file') return source.entries.map((entry) => entry.path);
  return source.entries
    .map((entry) => entry.path)
    .filter((entry) => entry.toLowerCase().endsWith('.json') && !isMediaFolderFile(entry))
    .map(orderOf)
    .sort((a, b) =>
      a.base < b.base ? -1 : a.base > b.base ? 1 : a.part - b.part || (a.entry < b.entry ? -1 : 1),
    )
    .map((ordered) => ordered.entry);
}
