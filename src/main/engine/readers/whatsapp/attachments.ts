/**
 * Media named in a chat, found in the export: first beside the chat text, else any entry with the
 * same file name anywhere in the zip or folder (exports re-zipped by people move things around).
 */
import type { AttachmentRef } from '../records';
import type { ExportSource } from '../../source/export-source';
import type { BodyAttachment } from './message-body';

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  mov: 'video/quicktime',
  webm: 'video/webm',
  opus: 'audio/ogg',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  aac: 'audio/aac',
  amr: 'audio/amr',
  wav: 'audio/wav',
  pdf: 'application/pdf',
  vcf: 'text/vcard',
  txt: 'text/plain',
  zip: 'application/zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export function mimeOfFileName(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  if (dot === -1) return null;
  return MIME_BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()] ?? null;
}

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
          mime: mimeOfFileName(attachment.fileName),
        };
}
