/**
 * Turns the events of result.json into records, chat by chat: a conversation record when its first
 * message arrives (or its `messages` list turns out empty), a participant record the first time
 * each sender appears, then the message.
 *
 * Telegram Desktop writes `name`, `type` and `id` before `messages`. A file that puts them after
 * (hand-made) still imports: the conversation is announced with what is known when the messages
 * start (title from the chat type, identity from the title), messages are never held back, and a
 * warning says the late fields were not used.
 */
import type { JsonEvent } from '../json/json-stream';
import type { JsonValue } from '../json/json-value';
import { ReadError } from '../read-error';
import type { ReadRecord } from '../records';
import { roleOf, type HeaderKey } from './export-layout';
import { convertMessage, type MessageContext } from './message';

/** Titles for chats the export gives no name (saved messages, deleted accounts). */
const TITLES_BY_TYPE: Readonly<Record<string, string>> = {
  saved_messages: 'Saved Messages',
  replies: 'Replies',
  verification_codes: 'Verification Codes',
  personal_chat: 'Deleted Account',
};

type ChatState = {
  header: Partial<Record<HeaderKey, JsonValue>>;
  ref: string | null;
  /** The header as it was when the conversation was announced. */
  announced: string;
  readonly senders: Set<string>;
  lastSentAt: number;
  sawMessages: boolean;
};

export type WalkerContext = MessageContext &
  Readonly<{
    entry: string;
    /** Records a warning; it comes out before the records of the event that raised it. */
    warn: (code: string, message: string) => void;
  }>;

export class ChatWalker {
  private readonly context: WalkerContext;
  private readonly chats = new Map<string, ChatState>();
  private readonly refs = new Set<string>();
  private chatsSeen = 0;
  private messagesSeen = 0;
  private sectionsSeen = false;
  private rootSeen = false;

  constructor(context: WalkerContext) {
    this.context = context;
  }

  /** The records an event yields, in order. */
  handle(event: JsonEvent): ReadRecord[] {
    const place = roleOf(event.path);
    switch (place.role) {
      case 'root':
        if (event.type === 'open' && event.container !== 'object') {
          throw this.notTelegram('it is a JSON list, not an object', event.byte);
        }
        this.rootSeen = true;
        return event.type === 'close' ? this.finishRoot(event.byte) : [];
      case 'section':
        this.sectionsSeen = true;
        return [];
      case 'chat':
        // A chat is an object; anything else in a chat list is ignored.
        if (event.type === 'open' && event.container === 'object') this.chat(place.chat);
        return event.type === 'close' ? this.finishChat(place.chat) : [];
      case 'header':
        if (event.type === 'value') this.chat(place.chat).header[place.key] = event.value;
        return [];
      case 'messages':
        if (event.type === 'open' && event.container !== 'array') {
          throw this.notTelegram('its "messages" is not a list', event.byte);
        }
        if (event.type === 'open') this.chat(place.chat).sawMessages = true;
        if (event.type === 'close') return this.announce(this.chat(place.chat));
        return [];
      case 'message':
        return event.type === 'value' ? this.message(place.chat, event.value, event.byte) : [];
      case 'other':
        return [];
    }
  }

  /** The input is over: a document that was not even an object has yielded nothing so far. */
  finish(bytes: number): void {
    if (!this.rootSeen) throw this.notTelegram('it is not a JSON object', bytes);
  }

  private notTelegram(why: string, byte: number): ReadError {
    return new ReadError(
      'INVALID_FORMAT',
      `${this.context.entry} is JSON but not a Telegram Desktop export: ${why} (byte ${byte}).`,
      { entry: this.context.entry, byte },
    );
  }

  private chat(key: string): ChatState {
    let state = this.chats.get(key);
    if (state === undefined) {
      state = {
        header: {},
        ref: null,
        announced: '',
        senders: new Set(),
        lastSentAt: 0,
        sawMessages: false,
      };
      this.chats.set(key, state);
      if (key !== '') this.chatsSeen += 1;
    }
    return state;
  }

  private title(state: ChatState): string {
    const { name, type } = state.header;
    if (typeof name === 'string' && name.trim() !== '') return this.context.clean(name);
    return (typeof type === 'string' ? TITLES_BY_TYPE[type] : undefined) ?? 'Telegram chat';
  }

  private idOf(state: ChatState): string | null {
    const { id } = state.header;
    if (typeof id === 'number' && Number.isFinite(id)) return String(id);
    return typeof id === 'string' && id !== '' ? id : null;
  }

  /** The conversation record, once per chat. */
  private announce(state: ChatState): ReadRecord[] {
    if (state.ref !== null) return [];
    const id = this.idOf(state);
    const title = this.title(state);
    let ref = id ?? `chat-${this.refs.size + 1}`;
    for (let suffix = 2; this.refs.has(ref); suffix += 1) ref = `${id ?? 'chat'}-${suffix}`;
    this.refs.add(ref);
    state.ref = ref;
    state.announced = JSON.stringify(state.header);
    const identity = id !== null ? `telegram:${id}` : `telegram:title:${title}`;
    return [{ type: 'conversation', ref, platform: 'telegram', title, identity }];
  }

  private message(key: string, value: JsonValue, byte: number): ReadRecord[] {
    const state = this.chat(key);
    const converted = convertMessage(value, state.lastSentAt, this.context);
    const first = this.messagesSeen === 0;
    this.messagesSeen += 1;
    if (!converted.ok) {
      if (first) throw this.notTelegram(`its first message is not one (${converted.reason})`, byte);
      const text = `A message in ${this.context.entry} at byte ${byte} was skipped: ${converted.reason}.`;
      this.context.warn('MESSAGE_SKIPPED', text);
      return [];
    }
    const records = this.announce(state);
    const ref = state.ref ?? '';
    const { message } = converted;
    if (!converted.hasDate) {
      const text = `A message in ${this.context.entry} at byte ${byte} has no date; it is placed at the time of the message before it.`;
      this.context.warn('MESSAGE_WITHOUT_DATE', text);
    }
    state.lastSentAt = message.sentAt;
    if (message.sender !== null && !state.senders.has(message.sender)) {
      state.senders.add(message.sender);
      records.push({ type: 'participant', conversationRef: ref, name: message.sender });
    }
    records.push({ type: 'message', conversationRef: ref, message });
    return records;
  }

  private finishChat(key: string): ReadRecord[] {
    const state = this.chats.get(key);
    if (state === undefined) return [];
    this.chats.delete(key);
    const records = this.announce(state);
    if (state.announced !== JSON.stringify(state.header)) {
      const text = `The chat "${this.title(state)}" in ${this.context.entry} names itself after its messages; its name and id were not used.`;
      this.context.warn('CHAT_HEADER_LATE', text);
    }
    return records;
  }

  private finishRoot(byte: number): ReadRecord[] {
    const root = this.chats.get('');
    if (root !== undefined && root.sawMessages) return this.finishChat('');
    if (this.sectionsSeen || this.chatsSeen > 0) return [];
    throw this.notTelegram('it has neither "messages" nor "chats"', byte);
  }
}
