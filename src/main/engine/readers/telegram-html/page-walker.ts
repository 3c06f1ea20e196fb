/**
 * Walks the elements of a Telegram Desktop HTML page as the streaming parser reports them and
 * collects each message (`<div class="message ..." id="message123">`) into a MessageDraft, handed
 * over when its element closes. It keeps only the open elements and the message being read.
 *
 * What it reads, by class (as tdesktop's export_output_html.cpp writes them):
 * - `page_header` > `text`: the chat's name;
 * - `message service`: a service line (`body details`); with a negative id, a day separator;
 * - `message default [joined]`: `pull_right date details` (time in `title`), `from_name` (left out
 *   for "joined" messages, which continue the sender before them), `forwarded body` with its own
 *   `from_name`, `reply_to` (a link to `#go_to_message123`), `media_wrap`, `text`.
 */
import type { TextEntity } from '../records';
import type { MessageDraft } from './draft';
import { MessageText, PlainText, type OpenEntity } from './html-text';

type Capture = MessageText | PlainText | 'skip';

type Frame = {
  readonly name: string;
  capture: Capture | null;
  readonly previousCapture: Capture | null;
  onClose: (() => void) | null;
  /** Inside a forwarded message's block, a media block, a reply line. */
  forwarded: boolean;
  media: boolean;
  reply: boolean;
};

/** Inside a media block: which child element collects which part of it. */
type MediaChildren = (child: Frame, classes: readonly string[]) => void;

const FORMATS: Readonly<Record<string, TextEntity['type']>> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  s: 'strikethrough',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
};

const FILE_WRAPS: Readonly<Record<string, string>> = {
  photo_wrap: 'Photo',
  sticker_wrap: 'Sticker',
  animated_wrap: 'GIF',
  video_file_wrap: 'Video',
};

const MESSAGE_ID = /^message(-?\d+)$/;
const GO_TO_MESSAGE = /go_to_message(-?\d+)/;

const NO_CLASSES: readonly string[] = [];

/** The classes of an element: a short list (a Set costs more for one to four names). */
function classesOf(attributes: Readonly<Record<string, string>>): readonly string[] {
  const value = attributes.class;
  return value === undefined || value === '' ? NO_CLASSES : value.split(/\s+/);
}

/** The entity a link in a message text makes, decided once its text is known. */
function linkEntity(href: string, onclick: string, text: string): OpenEntity['type'] {
  if (onclick.includes('ShowHashtag')) return 'hashtag';
  if (onclick.includes('ShowMentionName')) return 'mention_name';
  if (onclick !== '') return 'other';
  if (href.startsWith('mailto:')) return 'email';
  if (href.startsWith('tel:')) return 'phone';
  if (text.startsWith('@')) return 'mention';
  return text === href ? 'link' : 'text_link';
}

export type WalkerEvents = Readonly<{
  /** The byte where the tag being reported starts. */
  tagByte: () => number;
  onTitle: (title: string) => void;
  onMessage: (draft: MessageDraft) => void;
}>;

export class PageWalker {
  private readonly events: WalkerEvents;
  private readonly stack: Frame[] = [];
  private capture: Capture | null = null;
  private draft: MessageDraft | null = null;
  private messageText: MessageText | null = null;
  private inHeader = 0;
  private titleTaken = false;
  private mediaChildren: MediaChildren | null = null;
  /** Whether `</html>` was read: a page cut short never gets there. */
  ended = false;

  constructor(events: WalkerEvents) {
    this.events = events;
  }

  /** Whether a message element is open (the page ends inside it: it was cut short). */
  get inMessage(): boolean {
    return this.draft !== null;
  }

  readonly onopentag = (name: string, attributes: Record<string, string>): void => {
    const parent = this.stack.at(-1);
    const frame: Frame = {
      name,
      capture: null,
      previousCapture: this.capture,
      onClose: null,
      forwarded: parent?.forwarded ?? false,
      media: parent?.media ?? false,
      reply: parent?.reply ?? false,
    };
    this.stack.push(frame);
    const classes = classesOf(attributes);
    if (this.draft === null) this.outsideMessage(frame, classes, attributes);
    else this.insideMessage(frame, name, classes, attributes, this.draft);
    if (frame.capture !== null) this.capture = frame.capture;
  };

  readonly ontext = (text: string): void => {
    const capture = this.capture;
    if (capture === null || capture === 'skip') return;
    capture.append(text);
  };

  readonly onclosetag = (name: string, implied: boolean): void => {
    if (name === 'html' && !implied) this.ended = true;
    const frame = this.stack.pop();
    if (frame === undefined) return;
    this.capture = frame.previousCapture;
    frame.onClose?.();
  };

  private outsideMessage(
    frame: Frame,
    classes: readonly string[],
    attributes: Readonly<Record<string, string>>,
  ): void {
    if (classes.includes('page_header')) {
      this.inHeader += 1;
      frame.onClose = () => (this.inHeader -= 1);
      return;
    }
    if (this.inHeader > 0 && classes.includes('text') && !this.titleTaken) {
      const title = new PlainText();
      frame.capture = title;
      frame.onClose = () => {
        this.titleTaken = true;
        this.events.onTitle(title.value);
      };
      return;
    }
    const id = MESSAGE_ID.exec(attributes.id ?? '')?.[1];
    if (!classes.includes('message') || id === undefined) return;
    const draft: MessageDraft = {
      id,
      service: classes.includes('service'),
      byte: this.events.tagByte(),
      dateTitle: null,
      sender: null,
      forwarded: false,
      forwardedFrom: null,
      replyTo: null,
      text: '',
      entities: [],
      serviceText: '',
      media: [],
    };
    this.draft = draft;
    this.messageText = null;
    this.mediaChildren = null;
    frame.onClose = () => {
      const text = this.messageText;
      if (text !== null) {
        draft.text = text.text;
        draft.entities = text.entities;
      }
      this.draft = null;
      this.messageText = null;
      this.events.onMessage(draft);
    };
  }

  private insideMessage(
    frame: Frame,
    name: string,
    classes: readonly string[],
    attributes: Readonly<Record<string, string>>,
    draft: MessageDraft,
  ): void {
    const capture = this.capture;
    if (capture instanceof MessageText) {
      this.formatting(frame, name, classes, attributes, capture);
      return;
    }
    if (capture instanceof PlainText && classes.includes('details')) {
      // A date inside a forwarded name, a vote count inside a poll answer: not part of the text.
      frame.capture = 'skip';
      return;
    }
    if (draft.service) {
      if (classes.includes('body') && classes.includes('details')) {
        const body = new PlainText();
        frame.capture = body;
        frame.onClose = () => (draft.serviceText = body.value);
      }
      return;
    }
    if (frame.reply) {
      const target = GO_TO_MESSAGE.exec(attributes.href ?? '')?.[1];
      if (name === 'a' && target !== undefined) draft.replyTo = target;
      return;
    }
    if (frame.media) {
      this.inMedia(frame, classes, attributes, draft);
      return;
    }
    if (classes.includes('forwarded') && classes.includes('body')) {
      frame.forwarded = true;
      draft.forwarded = true;
    } else if (classes.includes('date') && classes.includes('details')) {
      if (!frame.forwarded && draft.dateTitle === null) draft.dateTitle = attributes.title ?? null;
      frame.capture = 'skip';
    } else if (classes.includes('from_name')) {
      this.fromName(frame, draft);
    } else if (classes.includes('reply_to')) {
      frame.reply = true;
      frame.capture = 'skip';
    } else if (classes.includes('media_wrap')) {
      frame.media = true;
    } else if (classes.includes('text')) {
      const body = new MessageText();
      this.messageText = body;
      frame.capture = body;
    }
  }

  private fromName(frame: Frame, draft: MessageDraft): void {
    const name = new PlainText();
    frame.capture = name;
    const forwarded = frame.forwarded;
    frame.onClose = () => {
      if (forwarded) draft.forwardedFrom = name.value;
      // " via @bot" follows the name of a message sent through an inline bot.
      else draft.sender = name.value.replace(/ via @\S+$/, '');
    };
  }

  private formatting(
    frame: Frame,
    name: string,
    classes: readonly string[],
    attributes: Readonly<Record<string, string>>,
    text: MessageText,
  ): void {
    if (name === 'br') {
      text.lineBreak();
      return;
    }
    if (name === 'a') {
      const href = attributes.href ?? '';
      const onclick = attributes.onclick ?? '';
      const open = text.open('other');
      frame.onClose = () => {
        const type = linkEntity(href, onclick, text.text.slice(open.start));
        open.type = type;
        if (type === 'text_link') open.value = href;
        text.close(open);
      };
      return;
    }
    const type = name === 'span' && classes.includes('spoiler') ? 'spoiler' : FORMATS[name];
    if (type === undefined) return;
    const open = text.open(type);
    frame.onClose = () => text.close(open);
  }

  private inMedia(
    frame: Frame,
    classes: readonly string[],
    attributes: Readonly<Record<string, string>>,
    draft: MessageDraft,
  ): void {
    if (this.mediaChildren !== null) {
      this.mediaChildren(frame, classes);
      return;
    }
    for (const [wrap, label] of Object.entries(FILE_WRAPS)) {
      if (classes.includes(wrap) && attributes.href !== undefined) {
        draft.media.push({ kind: 'file', label, href: attributes.href });
        frame.capture = 'skip';
        return;
      }
    }
    const type = [...classes].find((name) => name.startsWith('media_'));
    if (classes.includes('media') && type !== undefined) {
      this.genericMedia(frame, type, attributes.href ?? null, draft);
    } else if (classes.includes('media_poll')) {
      this.poll(frame, draft);
    }
  }

  private genericMedia(frame: Frame, type: string, href: string | null, draft: MessageDraft): void {
    const title = new PlainText();
    const description = new PlainText();
    const status = new PlainText();
    const parts: readonly (readonly [string, PlainText])[] = [
      ['title', title],
      ['description', description],
      ['status', status],
    ];
    frame.capture = 'skip';
    this.mediaChildren = (child, classes) => {
      for (const [key, target] of parts) if (classes.includes(key)) child.capture = target;
    };
    frame.onClose = () => {
      this.mediaChildren = null;
      draft.media.push({
        kind: 'generic',
        type,
        href,
        title: title.value,
        description: description.value,
        status: status.value,
      });
    };
  }

  private poll(frame: Frame, draft: MessageDraft): void {
    const question = new PlainText();
    const answers: PlainText[] = [];
    frame.capture = 'skip';
    this.mediaChildren = (child, classes) => {
      if (classes.includes('question')) child.capture = question;
      if (classes.includes('answer')) {
        const answer = new PlainText();
        answers.push(answer);
        child.capture = answer;
      }
    };
    frame.onClose = () => {
      this.mediaChildren = null;
      draft.media.push({
        kind: 'poll',
        question: question.value,
        answers: answers.map((answer) => answer.value.replace(/^- /, '')),
      });
    };
  }
}
