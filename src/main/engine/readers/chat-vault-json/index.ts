/**
 * Chat Vault's own JSON export (docs/export-schema.md), read back as a stream: `chatVault` and
 * `conversation` first, then one message object at a time, each checked against the schema
 * (schema.ts). A message that does not fit is skipped with a warning; broken JSON ends the read
 * with the ReadError naming the byte, after every message before it. Files named by a message
 * (`media/...`) are looked up beside the JSON file, never outside the export.
 */
import { streamJsonBatches, type JsonEvent } from '../json/json-stream';
import type { JsonPath, JsonValue } from '../json/json-value';
import { entryPathOf, locateMainFile, vaultIdOf } from '../export-files';
import { MAX_RECORD_BYTES, ReadError } from '../read-error';
import type { Reader, ReadMessage, ReadRecord } from '../records';
import { WarningBudget } from '../telegram/warnings';
import {
  CHAT_VAULT_VERSION,
  ConversationSchema,
  ExportInfoSchema,
  MessageSchema,
  type MessageJson,
} from './schema';

function select(path: JsonPath): 'value' | 'walk' | 'skip' {
  if (path.length === 0) return 'walk';
  const [key] = path;
  if (path.length === 1) {
    if (key === 'chatVault' || key === 'conversation') return 'value';
    return key === 'messages' ? 'walk' : 'skip';
  }
  return path.length === 2 && key === 'messages' && typeof path[1] === 'number' ? 'value' : 'skip';
}

function toMessage(json: MessageJson, root: string): ReadMessage {
  return {
    externalId: json.externalId,
    sentAt: Date.parse(json.sentAt),
    sender: json.sender,
    text: json.text,
    kind: json.kind,
    replyToExternalId: json.replyTo,
    forwardedFrom: json.forwardedFrom,
    editedAt: json.editedAt === null ? null : Date.parse(json.editedAt),
    reactions: json.reactions,
    entities: json.entities,
    attachments: json.attachments.map((attachment) => ({
      entryPath: attachment.file === null ? null : entryPathOf(attachment.file, root),
      name: attachment.name,
      mime: attachment.mime,
    })),
  };
}

const REF = 'conversation';

export const readChatVaultJson: Reader = async function* read(source) {
  const { entry, root } = locateMainFile(
    source,
    [/\.chatvault\.json$/iu, /\.json$/iu],
    'Chat Vault JSON export (a .chatvault.json file)',
  );
  const warnings = new WarningBudget(entry);
  const notOurs = (why: string, byte: number): ReadError =>
    new ReadError(
      'INVALID_FORMAT',
      `${entry} is not a Chat Vault JSON export: ${why} (byte ${byte}).`,
      { entry, byte },
    );
  let sawInfo = false;
  let announced = false;
  const senders = new Set<string>();

  const handle = (event: JsonEvent): ReadRecord[] => {
    if (event.path.length === 0) {
      if (event.type === 'open' && event.container !== 'object') {
        throw notOurs('it is not a JSON object', event.byte);
      }
      if (event.type === 'close' && !sawInfo)
        throw notOurs('it has no "chatVault" header', event.byte);
      return [];
    }
    if (event.type !== 'value') return [];
    const [key] = event.path;
    if (key === 'chatVault') return info(event.value, event.byte);
    if (key === 'conversation') return conversation(event.value, event.byte);
    return message(event.value, event.byte);
  };

  const info = (value: JsonValue, byte: number): ReadRecord[] => {
    const parsed = ExportInfoSchema.safeParse(value);
    if (!parsed.success) throw notOurs('its "chatVault" header is not one', byte);
    sawInfo = true;
    if (parsed.data.version <= CHAT_VAULT_VERSION) return [];
    const warning = warnings.warn(
      'NEWER_EXPORT_VERSION',
      `${entry} was written by a newer Chat Vault (format version ${parsed.data.version}); fields this version does not know are ignored.`,
    );
    return warning === null ? [] : [warning];
  };

  const conversation = (value: JsonValue, byte: number): ReadRecord[] => {
    if (!sawInfo) throw notOurs('"conversation" comes before the "chatVault" header', byte);
    const parsed = ConversationSchema.safeParse(value);
    if (!parsed.success) throw notOurs('its "conversation" is not one', byte);
    if (announced) throw notOurs('it holds a second "conversation"', byte);
    announced = true;
    const { id, title, platform, participants } = parsed.data;
    const vaultId = vaultIdOf(id);
    const records: ReadRecord[] = [
      {
        type: 'conversation',
        ref: REF,
        platform,
        title,
        identity: `chat-vault:${id}`,
        ...(vaultId === undefined ? {} : { vaultId }),
      },
    ];
    for (const name of participants) {
      if (senders.has(name)) continue;
      senders.add(name);
      records.push({ type: 'participant', conversationRef: REF, name });
    }
    return records;
  };

  const message = (value: JsonValue, byte: number): ReadRecord[] => {
    if (!announced) throw notOurs('its messages come before its "conversation"', byte);
    const parsed = MessageSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue === undefined ? '' : ` (${issue.path.join('.')}: ${issue.message})`;
      const warning = warnings.warn(
        'MESSAGE_SKIPPED',
        `A message in ${entry} at byte ${byte} does not follow the schema and was skipped${where}.`,
      );
      return warning === null ? [] : [warning];
    }
    const records: ReadRecord[] = [];
    const converted = toMessage(parsed.data, root);
    if (converted.sender !== null && !senders.has(converted.sender)) {
      senders.add(converted.sender);
      records.push({ type: 'participant', conversationRef: REF, name: converted.sender });
    }
    records.push({ type: 'message', conversationRef: REF, message: converted });
    return records;
  };

  const stream = await source.open(entry);
  try {
    for await (const batch of streamJsonBatches(stream, {
      select,
      maxValueBytes: MAX_RECORD_BYTES,
      entry,
    })) {
      for (const event of batch) {
        for (const record of handle(event)) yield record;
      }
    }
    if (!sawInfo) throw notOurs('it is empty', 0);
    yield* warnings.summary();
  } finally {
    stream.destroy();
  }
};
