/**
 * The ChatLab JSONL export (ChatLab format 0.0.2): a header line (format version, the chat's name,
 * platform and type), a member line per participant, then a message line per message, so tools
 * that read ChatLab open the chat. Senders are named by their display name (the vault keeps no
 * platform user ids), times are Unix seconds (fractions kept where the vault has milliseconds).
 *
 * What ChatLab has no field for — the exact kind, files, edits, forwards, reactions, formatting —
 * rides in a `chatVault` object on the line (other readers ignore unknown keys), so that importing
 * the file back gives the same messages.
 */
import path from 'node:path';
import { safeFileNameWithSuffix } from '../../../shared/safe-file-name';
import { OutputFile } from '../output/output-file';
import { chatLabTypeOf } from '../readers/chatlab/message-types';
import type { ExportItem, FormatWriter, WriterContext } from './export-types';

export const CHATLAB_VERSION = '0.0.2';

const seconds = (ms: number): number => ms / 1000;

export function chatLabMessageLine(item: ExportItem): string {
  const { message, files } = item;
  const extension: Record<string, unknown> = { kind: message.kind };
  if (message.attachments.length > 0) {
    extension['attachments'] = message.attachments.map((attachment, index) => ({
      name: attachment.name,
      mime: attachment.mime,
      bytes: attachment.bytes,
      sha256: attachment.sha256,
      file: files[index] ?? null,
    }));
  }
  if (message.editedAt !== null) extension['editedAt'] = seconds(message.editedAt);
  if (message.forwardedFrom !== null) extension['forwardedFrom'] = message.forwardedFrom;
  if (message.reactions.length > 0) extension['reactions'] = message.reactions;
  if (message.entities !== null) extension['entities'] = message.entities;
  const line: Record<string, unknown> = {
    _type: 'message',
    ...(message.externalId === null ? {} : { platformMessageId: message.externalId }),
    sender: message.sender ?? '',
    accountName: message.sender ?? '',
    timestamp: seconds(message.sentAt),
    type: chatLabTypeOf(message.kind, message.attachments[0]?.mime ?? null),
    content: message.text === '' && message.kind !== 'text' ? null : message.text,
    ...(message.replyTo === null ? {} : { replyToMessageId: message.replyTo }),
    chatVault: extension,
  };
  return `${JSON.stringify(line)}\n`;
}

export function chatLabFileName(title: string): string {
  return safeFileNameWithSuffix(title, '.chatlab.jsonl', 'chat');
}

export async function createChatLabWriter(context: WriterContext): Promise<FormatWriter> {
  const { header } = context;
  const { conversation } = header;
  const file = await OutputFile.create(
    path.join(context.folder, chatLabFileName(conversation.title)),
  );
  const headerLine = {
    _type: 'header',
    chatlab: {
      version: CHATLAB_VERSION,
      exportedAt: Math.floor(header.exportedAt / 1000),
      generator: header.generator,
    },
    meta: {
      name: conversation.title,
      platform: conversation.platform,
      type: conversation.participants.length > 2 ? 'group' : 'private',
    },
    chatVault: { conversationId: conversation.id },
  };
  let lines = `${JSON.stringify(headerLine)}\n`;
  for (const name of conversation.participants) {
    lines += `${JSON.stringify({ _type: 'member', platformId: name, accountName: name })}\n`;
  }
  await file.write(lines);
  return {
    wantsReplies: false,
    async page(items) {
      let chunk = '';
      for (const item of items) chunk += chatLabMessageLine(item);
      await file.write(chunk);
    },
    async finish() {
      await file.close();
    },
    abandon: () => file.abandon(),
  };
}
