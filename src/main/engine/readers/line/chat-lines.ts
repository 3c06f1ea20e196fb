/**
 * The lines of a LINE export into messages. The file opens with a title and the time it was saved;
 * then each day starts with a date line and holds message lines (time, sender, text, tab-separated);
 * a message goes on over the following lines up to the next message or date line. LINE wraps a
 * message of several lines in double quotes (doubling quotes inside it); the wrapping is removed.
 * Times are minutes in the wall clock of `timeZone`. A message is given out once it is known to be
 * complete: at the next message or date line, or at the end of the input.
 *
 * LINE does not escape lines inside a message: a line of a quoted message that reads exactly like
 * a date line or a message line is taken for one. The same file always reads the same way, so
 * re-imports still match.
 */
import { ReadError } from '../read-error';
import type { ReadMessage } from '../records';
import type { TextLine } from '../whatsapp/text-lines';
import { zonedWallTimeToUtc } from '../zoned-time';
import { parseDateLine, type CalendarDate } from './date-line';
import { isSavedLine, titleOf } from './header';
import { readBody } from './message-body';
import { parseMessageLine, type MessageLine } from './message-line';
import { appendContinuation } from '../continued-message';

export type ChatLinesContext = Readonly<{
  entry: string;
  timeZone: string;
  maxRecordBytes: number;
  warn: (code: string, message: string) => void;
}>;

type Building = {
  readonly first: TextLine;
  readonly sentAt: number;
  readonly sender: string | null;
  readonly parts: string[];
  bytes: number;
};

/** `"line one\nsaid ""hi"""` -> `line one\nsaid "hi"`: only a message of several lines is wrapped. */
export function unwrapQuotes(text: string): string {
  if (text.length < 2 || !text.includes('\n') || !text.startsWith('"') || !text.endsWith('"')) {
    return text;
  }
  return text.slice(1, -1).replaceAll('""', '"');
}

export class LineChatLines {
  private readonly context: ChatLinesContext;
  private title: string | null = null;
  private date: CalendarDate | null = null;
  private building: Building | undefined;
  /** True while the lines belong to a message that could not be dated (they are skipped). */
  private skipping = false;
  private sawContent = false;

  constructor(context: ChatLinesContext) {
    this.context = context;
  }

  /** The chat's name from the title line, once it has been read. */
  get chatTitle(): string | null {
    return this.title;
  }

  /** True once the title line has been read (the chat can be announced before its messages). */
  get named(): boolean {
    return this.title !== null;
  }

  /** Adds one line; complete messages go to `out`. Throws where the input breaks. */
  push(line: TextLine, out: ReadMessage[]): void {
    if (line.broken !== undefined) this.breakAt(line, out);
    const message = parseMessageLine(line.text);
    if (message !== null) {
      this.finish(out);
      this.start(line, message);
      return;
    }
    const date = parseDateLine(line.text);
    if (date !== null) {
      this.finish(out);
      this.date = date;
      this.skipping = false;
      return;
    }
    if (this.building !== undefined) {
      this.append(line);
      return;
    }
    if (this.skipping || line.text.trim() === '') return;
    if (!this.sawContent && this.date === null) {
      this.sawContent = true;
      const title = titleOf(line.text.trim());
      if (title !== null) {
        this.title = title;
        return;
      }
    }
    if (this.date === null && isSavedLine(line.text)) return;
    const { entry } = this.context;
    this.context.warn(
      'TEXT_OUTSIDE_MESSAGE',
      `Line ${line.number} of ${entry} is neither a date, a message nor part of one; it was left out.`,
    );
  }

  /** The input ended: the last message is complete. */
  end(out: ReadMessage[]): void {
    this.finish(out);
  }

  private start(line: TextLine, message: MessageLine): void {
    this.sawContent = true;
    const date = this.date;
    if (date === null) {
      this.skipping = true;
      this.context.warn(
        'MESSAGE_WITHOUT_DATE',
        `The message on line ${line.number} of ${this.context.entry} comes before any date line; it was left out.`,
      );
      return;
    }
    this.skipping = false;
    const sentAt = zonedWallTimeToUtc(
      date.year,
      date.month,
      date.day,
      message.hour,
      message.minute,
      0,
      this.context.timeZone,
    );
    this.building = {
      first: line,
      sentAt,
      sender: message.sender,
      parts: [message.text],
      bytes: line.bytes,
    };
  }

  private append(line: TextLine): void {
    const building = this.building;
    if (building === undefined) return;
    const tooLarge = appendContinuation(building, line, this.context);
    if (tooLarge !== null) {
      this.building = undefined;
      throw tooLarge;
    }
  }

  private finish(out: ReadMessage[]): void {
    const building = this.building;
    if (building === undefined) return;
    this.building = undefined;
    const text = unwrapQuotes(building.parts.join('\n').trimEnd());
    const body =
      building.sender === null
        ? ({ kind: 'system', text, attachments: [] } as const)
        : readBody(text);
    out.push({
      externalId: null,
      sentAt: building.sentAt,
      sender: building.sender,
      text: body.text,
      kind: body.kind,
      replyToExternalId: null,
      forwardedFrom: null,
      editedAt: null,
      reactions: [],
      entities: null,
      attachments: body.attachments,
    });
  }

  /**
   * The input breaks on this line. A message before it stands only if the line begins a new one
   * (the line's start is still readable); a message the break cuts short is left out.
   */
  private breakAt(line: TextLine, out: ReadMessage[]): never {
    const error = line.broken ?? new ReadError('INVALID_FORMAT', 'broken line');
    if (parseMessageLine(line.text) !== null || parseDateLine(line.text) !== null) this.finish(out);
    this.building = undefined;
    throw error;
  }
}
