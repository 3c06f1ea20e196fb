/**
 * Media named in a chat, found in the export: first beside the chat text, else any entry with the
 * same file name anywhere in the zip or folder (exports re-zipped by people move things around).
 */
import { mimeFromName } from '../media-types';
import type { AttachmentRef } from '../records';
import type { ExportSource } from '../../source/export-source';
import type { BodyAttachment } from './message-body';

function baseName(entryPath: string): string {
  return entryPath.slice(entryPath.lastIndexOf('/') + 1);
}

export type AttachmentResolver = (attachment: BodyAttachment) => AttachmentRef;

/** Resolves media names against the export's entries; the chat text itself is never media. */
export function attachmentResolver(source: ExportSource, chatEntry: string): AttachmentResolver {
  const chatFolder = chatEntry.slice(0, chatEntry.lastIndexOf('/') + 1);
  let byBaseName: Map<string, string> | undefined;

  const entryFor = (fileName: string): string | null => {
    if (fileName.includes('/') || fileName.includes('\\')) return null;
    const beside = source.find(`${chatFolder}${fileName}`);
    if (beside !== undefined && beside.path !== chatEntry) return beside.path;
    if (byBaseName === undefined) {
      byBaseName = new Map();
      for (const entry of source.entries) {
        const name = baseName(entry.path);
        if (entry.path !== chatEntry && !byBaseName.has(name)) byBaseName.set(name, entry.path);
      }
    }
    return byBaseName.get(fileName) ?? null;
  };

  return (attachment) =>
    attachment.fileName === null
      ? { entryPath: null, name: attachment.label, mime: null }
      : {
          entryPath: entryFor(attachment.fileName),
          name: attachment.fileName,
          mime: mimeFromName(attachment.fileName),
        };
}
