/**
 * The JSON export (docs/export-schema.md): one document per conversation, written as a stream —
 * `chatVault` and `conversation` first, then `messages`, one message object per line — so a
 * conversation of any size exports in flat memory, and the reader can stream it back.
 */
import path from 'node:path';
import { safeFileNameWithSuffix } from '../../../shared/safe-file-name';
import { OutputFile } from '../output/output-file';
import {
  CHAT_VAULT_FORMAT,
  CHAT_VAULT_VERSION,
  type ConversationJson,
  type ExportInfoJson,
  type MessageJson,
} from '../readers/chat-vault-json/schema';
import type { ExportItem, FormatWriter, WriterContext } from './export-types';

const iso = (ms: number): string => new Date(ms).toISOString();

export function messageJson(item: ExportItem): MessageJson {
  const { message, files } = item;
  return {
    id: message.id,
    externalId: message.externalId,
    sentAt: iso(message.sentAt),
    sender: message.sender,
    kind: message.kind,
    text: message.text,
    replyTo: message.replyTo,
    forwardedFrom: message.forwardedFrom,
    editedAt: message.editedAt === null ? null : iso(message.editedAt),
    reactions: message.reactions.map((reaction) => ({
      emoji: reaction.emoji,
      count: reaction.count,
      ...(reaction.senders === undefined ? {} : { senders: [...reaction.senders] }),
    })),
    entities: message.entities === null ? null : message.entities.map((entity) => ({ ...entity })),
    attachments: message.attachments.map((attachment, index) => ({
      name: attachment.name,
      mime: attachment.mime,
      bytes: attachment.bytes,
      sha256: attachment.sha256,
      file: files[index] ?? null,
    })),
  };
}

export function jsonFileName(title: string): string {
  return safeFileNameWithSuffix(title, '.chatvault.json', 'chat');
}

export async function createJsonWriter(context: WriterContext): Promise<FormatWriter> {
  const { header } = context;
  const file = await OutputFile.create(
    path.join(context.folder, jsonFileName(header.conversation.title)),
  );
  const info: ExportInfoJson = {
    format: CHAT_VAULT_FORMAT,
    version: CHAT_VAULT_VERSION,
    exportedAt: iso(header.exportedAt),
    generator: header.generator,
  };
  const conversation: ConversationJson = {
    id: header.conversation.id,
    title: header.conversation.title,
    platform: header.conversation.platform,
    participants: [...header.conversation.participants],
    selection: {
      after: header.after === null ? null : iso(header.after),
      before: header.before === null ? null : iso(header.before),
      chosen: header.chosen,
    },
  };
  await file.write(
    `{\n  "chatVault": ${JSON.stringify(info)},\n  "conversation": ${JSON.stringify(conversation)},\n  "messages": [`,
  );
  let first = true;
  return {
    wantsReplies: false,
    async page(items) {
      let chunk = '';
      for (const item of items) {
        chunk += `${first ? '' : ','}\n    ${JSON.stringify(messageJson(item))}`;
        first = false;
      }
      await file.write(chunk);
    },
    async finish() {
      await file.write(`${first ? '' : '\n  '}]\n}\n`);
      await file.close();
    },
    abandon: () => file.abandon(),
  };
}
