/**
 * The plain-text export: a short header, then one message per line — date and time in the
 * export's zone, the sender, the text (line breaks shown as " ↵ "), and its files as
 * "[name: media/…]" — readable in any editor.
 */
import path from 'node:path';
import { PLATFORM_NAMES } from '../../../shared/platforms';
import { safeFileNameWithSuffix } from '../../../shared/safe-file-name';
import { OutputFile } from '../output/output-file';
import type { ExportItem, FormatWriter, WriterContext } from './export-types';
import { ZonedClock } from './zoned-clock';

const LINE_BREAKS = /\r\n|\r|\n|\u2028|\u2029/gu;

export function textLine(item: ExportItem, clock: ZonedClock): string {
  const { message, files } = item;
  const local = clock.local(message.sentAt);
  const parts: string[] = [];
  if (message.forwardedFrom !== null) parts.push(`[forwarded from ${message.forwardedFrom}]`);
  message.attachments.forEach((attachment, index) => {
    parts.push(`[${attachment.name}: ${files[index] ?? 'not in the export'}]`);
  });
  if (message.text !== '') parts.push(message.text.replace(LINE_BREAKS, ' ↵ '));
  if (message.editedAt !== null) parts.push('(edited)');
  const body = parts.join(' ');
  const who =
    message.kind === 'system'
      ? `— ${message.sender === null ? '' : `${message.sender}: `}`
      : `${message.sender ?? '—'}: `;
  return `${local.date} ${local.time}  ${who}${body}\n`;
}

export function textFileName(title: string): string {
  return safeFileNameWithSuffix(title, '.txt', 'chat');
}

export async function createTextWriter(context: WriterContext): Promise<FormatWriter> {
  const { header } = context;
  const clock = new ZonedClock(header.timeZone);
  const file = await OutputFile.create(
    path.join(context.folder, textFileName(header.conversation.title)),
  );
  const { conversation } = header;
  const now = clock.local(header.exportedAt);
  await file.write(
    `${conversation.title}\n` +
      `${PLATFORM_NAMES[conversation.platform]} · ${header.messageCount} messages${conversation.participants.length === 0 ? '' : ` · ${conversation.participants.join(', ')}`}\n` +
      `Times in ${header.timeZone} (${clock.offset(header.exportedAt)}). Exported ${now.date} ${now.time} by ${header.generator}.\n\n`,
  );
  return {
    wantsReplies: false,
    async page(items) {
      let chunk = '';
      for (const item of items) chunk += textLine(item, clock);
      await file.write(chunk);
    },
    async finish() {
      await file.close();
    },
    abandon: () => file.abandon(),
  };
}
