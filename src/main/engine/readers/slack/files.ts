/**
 * The files of a Slack message (`files`, or `file` in old exports). Slack's own export lists them
 * but does not include them (only their private URLs); tools that download them put each next to
 * the export, as `<channel>/attachments/<id>-<name>` (slackdump) or `__uploads/<id>/<name>`. A
 * file found there is an attachment with its entry; any other is an attachment the export left
 * out. A deleted file (`mode: "tombstone"`) has no name and is marked as deleted.
 */
import { idField, objectField, objectsOf, stringField } from '../json/json-fields';
import type { JsonObject } from '../json/json-value';
import { mimeFromName } from '../media-types';
import type { AttachmentRef } from '../records';

export type FileContext = Readonly<{
  /** The export's root folder as a prefix (`''` or `export/`). */
  root: string;
  /** The conversation's folder. */
  folder: string;
  has: (entryPath: string) => boolean;
}>;

function filesOf(message: JsonObject): readonly JsonObject[] {
  const files = objectsOf(message, 'files');
  if (files.length > 0) return files;
  const file = objectField(message, 'file');
  return file === null ? [] : [file];
}

function attachmentOf(file: JsonObject, context: FileContext): AttachmentRef {
  const id = idField(file, 'id') ?? '';
  const fileName = stringField(file, 'name')?.trim() || stringField(file, 'title')?.trim() || '';
  const deleted = stringField(file, 'mode') === 'tombstone';
  const name = fileName || (deleted ? 'File (deleted)' : 'File');
  const candidates =
    fileName === '' || id === ''
      ? []
      : [
          `${context.root}${context.folder}/attachments/${id}-${fileName}`,
          `${context.root}__uploads/${id}/${fileName}`,
          `${context.root}attachments/${id}-${fileName}`,
        ];
  const entryPath = candidates.find((candidate) => context.has(candidate)) ?? null;
  const mime = stringField(file, 'mimetype') || mimeFromName(name);
  return { entryPath, name, mime };
}

export function messageFiles(message: JsonObject, context: FileContext): AttachmentRef[] {
  return filesOf(message).map((file) => attachmentOf(file, context));
}
