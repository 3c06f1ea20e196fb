/**
 * Turns the JSON events of one DiscordChatExporter file into records: the conversation when the
 * first message arrives (or, for an empty channel, at the end of the file), a participant the first
 * time each author appears in the conversation, then the message. The exporter writes `guild` and
 * `channel` before `messages`; a hand-made file that puts them after still imports, under the
 * file's name, with a warning.
 *
 * Conversations are shared between the files of one import: the partitions of a channel
 * (`[part 2]`...) continue the conversation their first part started.
 */
import path from 'node:path';
import type { JsonEvent, JsonSelection } from '../json/json-stream';
import { isJsonObject, type JsonObject, type JsonPath, type JsonValue } from '../json/json-value';
import { ReadError } from '../read-error';
import type { ReadRecord } from '../records';
import { discordChannel } from './channel';
import { convertMessage, type MessageContext } from './message';

/** What to assemble: the guild and channel objects, each message; the rest is only checked. */
export function selectDiscord(jsonPath: JsonPath): JsonSelection {
  const [key, index] = jsonPath;
  if (jsonPath.length === 0) return 'walk';
  if (jsonPath.length === 1) {
    if (key === 'guild' || key === 'channel') return 'value';
    return key === 'messages' ? 'walk' : 'skip';
  }
  return jsonPath.length === 2 && key === 'messages' && typeof index === 'number'
    ? 'value'
    : 'skip';
}

type Conversation = { readonly ref: string; readonly senders: Set<string> };

/** The conversations of one import, by identity, across its files. */
export class DiscordConversations {
  private readonly byIdentity = new Map<string, Conversation>();

  /** The conversation of `identity`, and its record when it is new. */
  open(identity: string, title: string): [Conversation, ReadRecord | null] {
    const known = this.byIdentity.get(identity);
    if (known !== undefined) return [known, null];
    const conversation = { ref: `discord-${this.byIdentity.size + 1}`, senders: new Set<string>() };
    this.byIdentity.set(identity, conversation);
    return [
      conversation,
      { type: 'conversation', ref: conversation.ref, platform: 'discord', title, identity },
    ];
  }
}

export type WalkerContext = Omit<MessageContext, 'channelId'> &
  Readonly<{
    entry: string;
    conversations: DiscordConversations;
    /** Notes a warning about this file. */
    note: (code: string, message: string) => void;
  }>;

export class DiscordFileWalker {
  private readonly context: WalkerContext;
  private guild: JsonObject | null = null;
  private channel: JsonObject | null = null;
  private channelId: string | null = null;
  private conversation: Conversation | null = null;
  private rootSeen = false;
  private messagesSeen = 0;
  private lastSentAt = 0;

  constructor(context: WalkerContext) {
    this.context = context;
  }

  /** The records an event yields, in order. */
  handle(event: JsonEvent): ReadRecord[] {
    const [key] = event.path;
    if (event.path.length === 0) {
      if (event.type === 'open' && event.container !== 'object') {
        throw this.notDiscord('it is a JSON list, not an object', event.byte);
      }
      this.rootSeen = true;
      return event.type === 'close' ? this.finishRoot(event.byte) : [];
    }
    if (event.type === 'value' && event.path.length === 1) {
      if (key === 'guild') this.guild = isJsonObject(event.value) ? event.value : null;
      if (key === 'channel') {
        this.channel = isJsonObject(event.value) ? event.value : null;
        this.channelId = discordChannel(this.guild, this.channel)?.id ?? null;
      }
      return [];
    }
    if (event.type === 'open' && key === 'messages' && event.path.length === 1) {
      if (event.container !== 'array')
        throw this.notDiscord('its "messages" is not a list', event.byte);
      return [];
    }
    return event.type === 'value' ? this.message(event.value, event.byte) : [];
  }

  /** The input is over: a document that was not even an object has yielded nothing so far. */
  finish(bytes: number): void {
    if (!this.rootSeen) throw this.notDiscord('it is not a JSON object', bytes);
  }

  /** Whether any message of this file was read. */
  get readMessages(): boolean {
    return this.messagesSeen > 0;
  }

  private notDiscord(why: string, byte: number): ReadError {
    const { entry } = this.context;
    return new ReadError(
      'INVALID_FORMAT',
      `${entry} is JSON but not a DiscordChatExporter export: ${why} (byte ${byte}).`,
      { entry, byte },
    );
  }

  private announce(): ReadRecord[] {
    if (this.conversation !== null) return [];
    const channel = discordChannel(this.guild, this.channel);
    let identity: string;
    let title: string;
    if (channel === null) {
      title = path.posix.basename(this.context.entry).replace(/\.json$/i, '');
      identity = `discord:file:${title}`;
      this.context.note(
        'CHANNEL_UNKNOWN',
        `${this.context.entry} names no channel before its messages; they are kept under the file's name.`,
      );
    } else {
      identity = `discord:${channel.id}`;
      title = channel.title;
    }
    const [conversation, record] = this.context.conversations.open(identity, title);
    this.conversation = conversation;
    return record === null ? [] : [record];
  }

  private message(value: JsonValue, byte: number): ReadRecord[] {
    const converted = convertMessage(value, this.lastSentAt, {
      ...this.context,
      channelId: this.channelId,
    });
    const first = this.messagesSeen === 0;
    this.messagesSeen += 1;
    const { entry } = this.context;
    if (!converted.ok) {
      if (first) throw this.notDiscord(`its first message is not one (${converted.reason})`, byte);
      this.context.note(
        'MESSAGE_SKIPPED',
        `A message in ${entry} at byte ${byte} was skipped: ${converted.reason}.`,
      );
      return [];
    }
    if (!converted.hasTime) {
      this.context.note(
        'MESSAGE_WITHOUT_DATE',
        `A message in ${entry} at byte ${byte} has no valid timestamp; it is placed at the time of the message before it.`,
      );
    }
    const records = this.announce();
    const conversation = this.conversation;
    if (conversation === null) return records;
    const { message } = converted;
    this.lastSentAt = message.sentAt;
    if (message.sender !== null && !conversation.senders.has(message.sender)) {
      conversation.senders.add(message.sender);
      records.push({
        type: 'participant',
        conversationRef: conversation.ref,
        name: message.sender,
      });
    }
    records.push({ type: 'message', conversationRef: conversation.ref, message });
    return records;
  }

  private finishRoot(byte: number): ReadRecord[] {
    if (this.messagesSeen > 0) return [];
    if (this.channel === null) throw this.notDiscord('it has no "channel" and no messages', byte);
    // An empty channel is still a conversation of the export.
    return this.announce();
  }
}
