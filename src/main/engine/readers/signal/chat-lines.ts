/**
 * The lines of a signal-export `chat.md` into messages: a message starts at a line with its time
 * in brackets and goes on over the following lines up to the next such line. The exporter puts a
 * blank line after each message; trailing blank lines and the two spaces that end a Markdown line
 * are dropped. `No-Sender` (what the exporter writes when it could not tell who wrote a message)
 * becomes no sender.
 */
import type { ReadMessage } from '../records';
import type { ChatLineParser } from '../text-chat';
import type { TextLine } from '../whatsapp/text-lines';
import { zonedWallTimeToUtc } from '../zoned-time';
import { readBody, type FileFinder } from './message-body';
import { parseSignalLine, type SignalLine } from './message-line';
import { appendContinuation } from '../continued-message';

export type SignalLinesContext = Readonly<{
  entry: string;
  timeZone: string;
  maxRecordBytes: number;
  findFile: FileFinder;
  warn: (code: string, message: string) => void;
}>;

type Building = {
  readonly first: TextLine;
  readonly sentAt: number;
  readonly sender: string | null;
  readonly parts: string[];
  bytes: number;
};

const UNKNOWN_SENDER = 'No-Sender';

export class SignalChatLines implements ChatLineParser {
  readonly named = false;
  private readonly context: SignalLinesContext;
  private building: Building | undefined;

  constructor(context: SignalLinesContext) {
    this.context = context;
  }

  push(line: TextLine, out: ReadMessage[]): void {
    if (line.broken !== undefined) {
      // A message before the break stands only if the broken line begins a new one.
      if (parseSignalLine(line.text) !== null) this.finish(out);
      this.building = undefined;
      throw line.broken;
    }
    const head = parseSignalLine(line.text);
    if (head !== null) {
      this.finish(out);
      this.start(line, head);
      return;
    }
    if (this.building !== undefined) {
      this.append(line);
      return;
    }
    if (line.text.trim() === '') return;
    this.context.warn(
      'TEXT_OUTSIDE_MESSAGE',
      `Line ${line.number} of ${this.context.entry} comes before the first message; it was left out.`,
    );
  }

  end(out: ReadMessage[]): void {
    this.finish(out);
  }

  private start(line: TextLine, head: SignalLine): void {
    const { year, month, day, hour, minute, second } = head;
    const sentAt = zonedWallTimeToUtc(
      year,
      month,
      day,
      hour,
      minute,
      second,
      this.context.timeZone,
    );
    const sender = head.sender.trim();
    this.building = {
      first: line,
      sentAt,
      sender: sender === '' || sender === UNKNOWN_SENDER ? null : sender,
      parts: [head.text],
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
    const body = readBody(building.parts.join('\n'), this.context.findFile);
    out.push({
      externalId: null,
      sentAt: building.sentAt,
      sender: building.sender,
      text: body.text,
      kind: body.kind,
      replyToExternalId: null,
      forwardedFrom: null,
      editedAt: null,
      reactions: body.reactions,
      entities: null,
      attachments: body.attachments,
    });
  }
}
