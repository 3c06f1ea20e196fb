/**
 * One thread, file by file, into records: the conversation, its participants (those the header
 * lists, then each sender when first seen) and its messages, the messages of each millisecond
 * oldest first (see same-time-order.ts).
 *
 * "Download your information" writes a thread's title and path after its messages, and the
 * conversation record must come before them. So the messages of the thread's first file are held
 * until its header is complete (at most one file: Facebook writes at most 10,000 messages a file),
 * bounded by HoldLimits: a hand-made file that names its chat later still imports, announced with
 * what is known by then, and a warning says so.
 *
 * Identity: the thread's folder name (`alice_1234567890`, from `thread_path` or the folder holding
 * the file), which stays the same in every later export; else the end-to-end encrypted download's
 * `threadName`; else the title.
 */
import type { JsonEvent } from '../json/json-stream';
import { isJsonObject, type JsonValue } from '../json/json-value';
import { MojibakeRepairer } from '../mojibake';
import { ReadError } from '../read-error';
import type { ReadMessage, ReadRecord } from '../records';
import type { ExportSource } from '../../source/export-source';
import { mediaPaths } from './media-paths';
import { convertMessage, type MessageContext } from './message';
import { SameTimeOrder } from './same-time-order';
import { roleOf, type HeaderKey } from './thread-layout';
import type { ThreadFiles } from './thread-files';

export type MetaPlatform = 'messenger' | 'instagram';

export type HoldLimits = Readonly<{
  /** Messages held, at most, while waiting for a thread's title. */
  maxHeldMessages: number;
  /** Bytes of JSON read, at most, while waiting for a thread's title. */
  maxHeldBytes: number;
}>;

export type ThreadContext = Readonly<{
  platform: MetaPlatform;
  /** The reader's handle for this thread's conversation. */
  ref: string;
  thread: ThreadFiles;
  source: ExportSource;
  limits: HoldLimits;
  /** Records a warning; it comes out before the records of the event that raised it. */
  warn: (code: string, message: string, entry: string) => void;
}>;

type FileState = {
  readonly entry: string;
  readonly repairer: MojibakeRepairer;
  readonly context: MessageContext;
  rootOpened: boolean;
  sawMessages: boolean;
  messages: number;
};

const APP_NAMES: Readonly<Record<MetaPlatform, string>> = {
  messenger: 'Messenger',
  instagram: 'Instagram',
};

/** The error for a JSON file that is no thread of this export. */
export function notAChat(entry: string, why: string, byte: number): ReadError {
  return new ReadError(
    'INVALID_FORMAT',
    `${entry} is JSON but not a chat of a "Download your information" export: ${why} (byte ${byte}).`,
    { entry, byte },
  );
}

function lastSegment(threadPath: string): string | null {
  const segment = threadPath
    .split(/[\\/]/)
    .filter((part) => part !== '')
    .at(-1);
  return segment === undefined || segment === '' ? null : segment;
}

/** `alice_1234567890` -> `alice`: a last resort for a title. */
function folderTitle(folderName: string): string {
  const plain = folderName.replace(/_[a-z0-9]{6,}$/i, '');
  return plain === '' ? folderName : plain;
}

function nameList(names: Iterable<string>): string | null {
  const list = [...names].join(', ');
  return list === '' ? null : list;
}

export class ThreadReader {
  private readonly context: ThreadContext;
  private title: string | null = null;
  private threadPath: string | null = null;
  private threadName: string | null = null;
  private readonly listed: string[] = [];
  private held: ReadMessage[] = [];
  private heldFromByte = -1;
  private readonly senders = new Set<string>();
  private readonly order = new SameTimeOrder<ReadMessage>('newest-first');
  private readonly placed: ReadMessage[] = [];
  private file: FileState | null = null;
  private filesDone = 0;
  private announcedAs: string | null = null;
  /** Whether any file of the thread had a `messages` list. */
  private sawThread = false;

  constructor(context: ThreadContext) {
    this.context = context;
  }

  /** Whether the conversation record has been given out. */
  get announced(): boolean {
    return this.announcedAs !== null;
  }

  /** Messages the current file has given (or held) so far. */
  get fileMessages(): number {
    return this.file?.messages ?? 0;
  }

  startFile(entry: string): void {
    const { source, warn } = this.context;
    const repairer = new MojibakeRepairer();
    this.file = {
      entry,
      repairer,
      context: {
        repair: (text) => repairer.repair(text),
        media: mediaPaths(source, entry),
        onUnsafeUri: (uri) => {
          warn(
            'MEDIA_PATH_UNSAFE',
            `A media path in ${entry} points outside the export and is ignored: ${uri}`,
            entry,
          );
        },
      },
      rootOpened: false,
      sawMessages: false,
      messages: 0,
    };
  }

  /** The records an event of the current file yields go to `out`, in order. */
  handle(event: JsonEvent, out: ReadRecord[]): void {
    const file = this.currentFile();
    const place = roleOf(event.path);
    switch (place.role) {
      case 'root':
        if (event.type === 'open') {
          if (event.container !== 'object') {
            throw notAChat(file.entry, 'it is a JSON list, not an object', event.byte);
          }
          file.rootOpened = true;
        } else if (event.type === 'close' && !file.sawMessages) {
          throw notAChat(file.entry, 'it has no "messages" list', event.byte);
        }
        return;
      case 'messages':
        if (event.type === 'open') {
          if (event.container !== 'array') {
            throw notAChat(file.entry, 'its "messages" is not a list', event.byte);
          }
          file.sawMessages = true;
          this.sawThread = true;
        }
        return;
      case 'message':
        if (event.type === 'value') this.message(file, event.value, event.byte, out);
        return;
      case 'header':
        if (event.type === 'value') this.header(file, place.key, event.value, out);
        return;
      case 'other':
        return;
    }
  }

  /** The current file ended after `bytes` bytes. */
  endFile(bytes: number, out: ReadRecord[]): void {
    const file = this.currentFile();
    if (!file.rootOpened) throw notAChat(file.entry, 'it is not a JSON object', bytes);
    if (!this.announced && this.filesDone === 0) this.announce(out);
    this.filesDone += 1;
    this.file = null;
  }

  /** The current file broke: what was read of it stands (given out with what is known). */
  interrupt(out: ReadRecord[]): void {
    this.order.end(this.placed);
    this.release(out);
    if (!this.announced && this.held.length > 0) this.announce(out);
    this.file = null;
  }

  /** Every file of the thread has been read. */
  endThread(out: ReadRecord[]): void {
    this.order.end(this.placed);
    this.release(out);
    if (!this.announced && (this.sawThread || this.held.length > 0)) this.announce(out);
  }

  private currentFile(): FileState {
    if (this.file === null) throw new Error('ThreadReader: no file started');
    return this.file;
  }

  private message(file: FileState, value: JsonValue, byte: number, out: ReadRecord[]): void {
    const converted = convertMessage(value, file.context);
    if (!converted.ok) {
      const text = `A message in ${file.entry} at byte ${byte} was skipped: ${converted.reason}.`;
      this.context.warn('MESSAGE_SKIPPED', text, file.entry);
      return;
    }
    file.messages += 1;
    if (!this.announced && this.heldFromByte < 0) this.heldFromByte = byte;
    this.order.push(converted.message, this.placed);
    this.release(out);
    if (this.announced) return;
    const { maxHeldMessages, maxHeldBytes } = this.context.limits;
    if (this.held.length > maxHeldMessages || byte - this.heldFromByte > maxHeldBytes) {
      this.context.warn(
        'THREAD_NAME_LATE',
        `${file.entry} does not name its chat within its first ${this.held.length} messages; the chat is named from what is known so far.`,
        file.entry,
      );
      this.announce(out);
    }
  }

  private header(file: FileState, key: HeaderKey, value: JsonValue, out: ReadRecord[]): void {
    const repair = (text: string): string => file.repairer.repair(text);
    switch (key) {
      case 'title':
        if (typeof value === 'string' && value.trim() !== '') this.title ??= repair(value);
        break;
      case 'threadName':
        if (typeof value === 'string' && value.trim() !== '') this.threadName ??= value;
        break;
      case 'thread_path':
        if (typeof value === 'string' && value !== '') this.threadPath ??= value;
        break;
      case 'participants':
        if (Array.isArray(value)) this.participants(value, repair, out);
        break;
    }
    if (!this.announced && this.headerComplete()) this.announce(out);
  }

  /** `[{name}]` (repaired) or `[name]` (the encrypted download, written correctly). */
  private participants(
    items: readonly JsonValue[],
    repair: (text: string) => string,
    out: ReadRecord[],
  ): void {
    for (const item of items) {
      const raw = isJsonObject(item) ? item.name : item;
      if (typeof raw !== 'string' || raw.trim() === '') continue;
      const name = isJsonObject(item) ? repair(raw) : raw;
      if (this.listed.includes(name)) continue;
      this.listed.push(name);
      if (this.announced) this.participant(name, out);
    }
  }

  private headerComplete(): boolean {
    const named = this.title !== null || this.threadName !== null;
    const placed =
      this.threadPath !== null ||
      this.context.thread.folderName !== null ||
      this.threadName !== null;
    return named && placed;
  }

  private release(out: ReadRecord[]): void {
    if (this.placed.length === 0) return;
    if (this.announced) {
      for (const message of this.placed) this.emit(message, out);
    } else {
      for (const message of this.placed) this.held.push(message);
    }
    this.placed.length = 0;
  }

  private participant(name: string, out: ReadRecord[]): void {
    if (this.senders.has(name)) return;
    this.senders.add(name);
    out.push({ type: 'participant', conversationRef: this.context.ref, name });
  }

  private emit(message: ReadMessage, out: ReadRecord[]): void {
    if (message.sender !== null) this.participant(message.sender, out);
    out.push({ type: 'message', conversationRef: this.context.ref, message });
  }

  private titleNow(): string {
    const { platform, thread } = this.context;
    const heldSenders = new Set<string>();
    for (const message of [...this.held, ...this.order.waiting]) {
      if (message.sender !== null) heldSenders.add(message.sender);
    }
    return (
      this.title ??
      this.threadName ??
      nameList(this.listed) ??
      nameList([...heldSenders].sort()) ??
      (thread.folderName === null ? null : folderTitle(thread.folderName)) ??
      `${APP_NAMES[platform]} chat`
    );
  }

  private announce(out: ReadRecord[]): void {
    const { platform, ref, thread } = this.context;
    const title = this.titleNow();
    const key =
      (this.threadPath === null ? null : lastSegment(this.threadPath)) ??
      thread.folderName ??
      (this.threadName === null ? `title:${title}` : `e2ee:${this.threadName}`);
    this.announcedAs = title;
    out.push({ type: 'conversation', ref, platform, title, identity: `${platform}:${key}` });
    for (const name of this.listed) this.participant(name, out);
    for (const message of this.held) this.emit(message, out);
    this.held = [];
  }
}
