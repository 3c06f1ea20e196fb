/**
 * Message lines and their continuation lines into records: a message is its first line's text plus
 * every following line up to the next message line, joined with "\n", with trailing white space
 * dropped (WhatsApp trims what is sent; trailing blank lines are the export's). Senders become
 * participants the first time they speak. A message is only given out once it is known to be
 * complete: at the next message line, or at the end of the input.
 */
import type { ReadMessage, ReadRecord } from '../records';
import type { AttachmentResolver } from './attachments';
import type { HeaderStamp } from './header-line';
import type { LineEvent } from './line-classifier';
import { readBody } from './message-body';
import type { TextLine } from './text-lines';
import { appendContinuation } from '../continued-message';

export type ChatContext = Readonly<{
  entry: string;
  conversationRef: string;
  title: string;
  resolveAttachment: AttachmentResolver;
  maxRecordBytes: number;
}>;

type Building = {
  readonly first: TextLine;
  readonly stamp: HeaderStamp;
  readonly sentAt: number;
  readonly parts: string[];
  bytes: number;
};

export class ChatAssembler {
  private readonly participants = new Set<string>();
  private building: Building | undefined;

  constructor(private readonly context: ChatContext) {}

  /** Adds one event; complete records go to `out`. Throws where the input breaks. */
  push(event: LineEvent, out: ReadRecord[]): void {
    switch (event.type) {
      case 'header':
        if (this.building !== undefined) this.finish(this.building, out);
        this.building = {
          first: event.line,
          stamp: event.stamp,
          sentAt: event.sentAt,
          parts: [event.stamp.text],
          bytes: event.line.bytes,
        };
        return;
      case 'text':
        this.append(event.line);
        return;
      case 'warning':
        out.push({ type: 'warning', ...event.warning });
        return;
      case 'break':
        // Only a message known to be complete stands; one cut short by the break is left out.
        if (event.completesPrevious && this.building !== undefined) {
          this.finish(this.building, out);
        }
        this.building = undefined;
        throw event.error;
    }
  }

  /** The input ended: the last message is complete. */
  end(out: ReadRecord[]): void {
    if (this.building !== undefined) this.finish(this.building, out);
    this.building = undefined;
  }

  private append(line: TextLine): void {
    const building = this.building;
    // Text before the first message line was already left out (and warned about).
    if (building === undefined) return;
    const tooLarge = appendContinuation(building, line, this.context);
    if (tooLarge !== null) {
      this.building = undefined;
      throw tooLarge;
    }
  }

  private finish(message: Building, out: ReadRecord[]): void {
    const { conversationRef, title, resolveAttachment } = this.context;
    const body = readBody(message.parts.join('\n').trimEnd(), {
      sender: message.stamp.sender,
      chatTitle: title,
      startsWithMark: message.stamp.textStartsWithMark,
    });
    const sender = body.senderIsPerson ? message.stamp.sender : null;
    if (sender !== null && !this.participants.has(sender)) {
      this.participants.add(sender);
      out.push({ type: 'participant', conversationRef, name: sender });
    }
    const read: ReadMessage = {
      externalId: null,
      sentAt: message.sentAt,
      sender,
      text: body.text,
      kind: body.kind,
      replyToExternalId: null,
      forwardedFrom: null,
      editedAt: null,
      reactions: [],
      entities: null,
      attachments: body.attachment === null ? [] : [resolveAttachment(body.attachment)],
    };
    out.push({ type: 'message', conversationRef, message: read });
  }
}
