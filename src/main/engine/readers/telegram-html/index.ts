/**
 * Telegram Desktop's HTML export (`messages.html`, `messages2.html`... of one chat, or a folder per
 * chat of a whole-account export), read as a stream: each page's bytes go through htmlparser2's
 * streaming parser chunk by chunk, never held as one string, and each message is converted and
 * yielded as its element closes. A chat's pages are read in order as one conversation; the HTML
 * names no chat id, so a chat is identified by its name.
 *
 * A page cut short (inside a message, or before its closing `</html>`) is TRUNCATED at its end,
 * after every complete message; a page that is not a Telegram page is INVALID_FORMAT. Either is a
 * break of that page only: the other pages are still read (see ../file-breaks.ts).
 */
import { Parser } from 'htmlparser2';
import { folderOf, locateExportFile, type FileProblem } from '../export-path';
import { FileBreaks } from '../file-breaks';
import { ReadError } from '../read-error';
import type { Reader, ReadRecord } from '../records';
import { WarningLog } from '../warning-log';
import type { ExportSource } from '../../source/export-source';
import { convertDraft, newChatClock, type ChatClock, type ConvertContext } from './convert-draft';
import type { MessageDraft } from './draft';
import { telegramHtmlChats, type ChatPages } from './export-pages';
import { HtmlTimes } from './html-dates';
import { PageBytes } from './page-bytes';
import { PageWalker } from './page-walker';

const DEFAULT_TITLE = 'Telegram chat';

type Chat = {
  readonly pages: ChatPages;
  readonly clock: ChatClock;
  readonly senders: Set<string>;
  title: string | null;
  ref: string | null;
};

type ImportState = Readonly<{
  source: ExportSource;
  times: HtmlTimes;
  warnings: WarningLog;
  identities: Set<string>;
  refs: { count: number };
  /** The standard-offset warning is given once per import. */
  offsetWarned: { value: boolean };
}>;

function problemText(code: FileProblem, entry: string, href: string): string {
  return code === 'MEDIA_NOT_FOUND'
    ? `${entry} links to ${href}, which is not in the export (import the whole export folder or zip).`
    : `${entry} links to ${href} outside the export; it is left out.`;
}

/** The conversation record of a chat, once, when its first message (or its end) comes. */
function announce(chat: Chat, state: ImportState): ReadRecord[] {
  if (chat.ref !== null) return [];
  state.refs.count += 1;
  chat.ref = `telegram-html-${state.refs.count}`;
  const title = chat.title || DEFAULT_TITLE;
  let identity = `telegram:title:${title}`;
  // Two chats of one export with the same name stay apart.
  if (state.identities.has(identity)) identity = `${identity}#${chat.pages.folder}`;
  state.identities.add(identity);
  return [{ type: 'conversation', ref: chat.ref, platform: 'telegram', title, identity }];
}

function messageRecords(
  chat: Chat,
  draft: MessageDraft,
  context: ConvertContext,
  state: ImportState,
): ReadRecord[] {
  const message = convertDraft(draft, chat.clock, context);
  if (message === null) return [];
  const records = announce(chat, state);
  const ref = chat.ref ?? '';
  if (message.sender !== null && !chat.senders.has(message.sender)) {
    chat.senders.add(message.sender);
    records.push({ type: 'participant', conversationRef: ref, name: message.sender });
  }
  records.push({ type: 'message', conversationRef: ref, message });
  return records;
}

async function* readPage(
  entry: string,
  chat: Chat,
  state: ImportState,
): AsyncGenerator<ReadRecord> {
  const { source, warnings } = state;
  const folder = folderOf(entry);
  const context: ConvertContext = {
    times: state.times,
    place: (href) =>
      locateExportFile(
        folder,
        href,
        (entryPath) => source.find(entryPath) !== undefined,
        (code, raw) => warnings.warn(code, problemText(code, entry, raw), entry),
      ),
    warn: (code, draft) => {
      if (code === 'MESSAGE_WITHOUT_DATE') {
        const text = `Message ${draft.id} in ${entry} (byte ${draft.byte}) has no time; it is placed at the time of the message before it.`;
        warnings.warn(code, text, entry);
      } else if (!state.offsetWarned.value) {
        state.offsetWarned.value = true;
        const text = `The times in ${entry} carry only their zone's standard UTC offset, which is not that of the time zone set for this import: times during daylight saving time may be an hour off. Import with the time zone the export was made in.`;
        warnings.warn(code, text, entry);
      }
    },
  };
  const bytes = new PageBytes(entry);
  const pending: ReadRecord[] = [];
  let recognised = false;
  let parser: Parser | null = null;
  const walker = new PageWalker({
    tagByte: () => bytes.byteOf(parser?.startIndex ?? 0),
    onTitle: (title) => {
      recognised = true;
      chat.title ??= title;
    },
    onMessage: (draft) => {
      recognised = true;
      pending.push(...messageRecords(chat, draft, context, state));
    },
  });
  parser = new Parser(walker, { decodeEntities: true, lowerCaseTags: true });
  const stream = await source.open(entry);
  try {
    for await (const chunk of stream) {
      parser.write(bytes.decode(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array)));
      for (const warning of warnings.take()) yield warning;
      if (pending.length > 0) for (const record of pending.splice(0)) yield record;
    }
    bytes.end();
    const end = bytes.byteLength;
    if (walker.inMessage) {
      throw new ReadError(
        'TRUNCATED',
        `${entry} ends in the middle of a message at byte ${end}. The file is incomplete; copy or export it again.`,
        { entry, byte: end },
      );
    }
    parser.end();
    for (const warning of warnings.take()) yield warning;
    for (const record of pending.splice(0)) yield record;
    if (!recognised) {
      throw new ReadError(
        'INVALID_FORMAT',
        `${entry} is HTML but not a page of a Telegram Desktop export: it has no chat name and no messages.`,
        { entry, byte: 0 },
      );
    }
    if (!walker.ended) {
      throw new ReadError(
        'TRUNCATED',
        `${entry} ends before the end of the page at byte ${end}. The file is incomplete; copy or export it again.`,
        { entry, byte: end },
      );
    }
  } finally {
    stream.destroy();
  }
}

export const readTelegramHtml: Reader = async function* readTelegramHtml(source, options) {
  const chats = telegramHtmlChats(source);
  if (chats.length === 0) {
    throw new ReadError(
      'ENTRY_MISSING',
      `${source.name} has no messages.html: import the folder Telegram Desktop wrote, or messages.html itself.`,
      { entry: source.name },
    );
  }
  const state: ImportState = {
    source,
    times: new HtmlTimes(options.timeZone),
    warnings: new WarningLog(),
    identities: new Set(),
    refs: { count: 0 },
    offsetWarned: { value: false },
  };
  const breaks = new FileBreaks();
  for (const pages of chats) {
    const chat: Chat = { pages, clock: newChatClock(), senders: new Set(), title: null, ref: null };
    for (const entry of pages.pages) {
      try {
        yield* readPage(entry, chat, state);
      } catch (error: unknown) {
        breaks.note(error);
      }
    }
    if (chat.title !== null) yield* announce(chat, state);
  }
  yield* state.warnings.summary();
  breaks.finish();
};
