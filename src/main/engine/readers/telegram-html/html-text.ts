/**
 * Text collected from the HTML of a page, as it arrives in pieces (the parser hands text over in
 * as many pieces as the input has chunks and entities).
 *
 * The exporter writes a message's own line breaks as `<br>` and indents its markup with a raw
 * newline and spaces, so in a message text every raw newline, with the indentation after it, is
 * layout and is dropped, even when a piece ends inside it. Formatting tags (`<strong>`, `<a>`...)
 * become TextEntities with offsets in UTF-16 code units of the collected text.
 */
import type { TextEntity } from '../records';

export type OpenEntity = { type: TextEntity['type']; start: number; value?: string };

export class MessageText {
  text = '';
  readonly entities: TextEntity[] = [];
  /** True while the text so far ends inside a raw newline and its indentation. */
  private inLayout = false;

  append(piece: string): void {
    let rest = piece;
    if (this.inLayout) {
      rest = rest.replace(/^[ \t]+/, '');
      if (rest === '') return;
      this.inLayout = false;
    }
    this.inLayout = /\n[ \t]*$/.test(rest);
    this.text += rest.replace(/\r?\n[ \t]*/g, '');
  }

  /** A `<br>`: a line break of the message. */
  lineBreak(): void {
    this.text += '\n';
    this.inLayout = false;
  }

  open(type: TextEntity['type'], value?: string): OpenEntity {
    return value === undefined
      ? { type, start: this.text.length }
      : { type, start: this.text.length, value };
  }

  close(entity: OpenEntity): void {
    const length = this.text.length - entity.start;
    if (length <= 0) return;
    const base = { type: entity.type, offset: entity.start, length };
    this.entities.push(entity.value === undefined ? base : { ...base, value: entity.value });
  }
}

/** Text of names and labels: every run of white space is one space, none at the ends. */
export class PlainText {
  private parts = '';

  append(piece: string): void {
    this.parts += piece;
  }

  get value(): string {
    return this.parts.replace(/\s+/g, ' ').trim();
  }
}
