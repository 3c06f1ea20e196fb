/**
 * Sorts a chat's lines, pushed one by one, into message starts and continuation text. Holds back
 * only the bounded look-ahead that decides the day/month order (date-order.ts), then lets every
 * line through as it comes.
 *
 * Phases: `seeking` skips what comes before the first message line (a WhatsApp export starts with
 * one; nothing found within the look-ahead's byte limit means it is no WhatsApp chat); `holding`
 * keeps lines until the order is proven or the look-ahead is full; `streaming` classifies each line.
 */
import { ReadError } from '../read-error';
import { DayMonthInference, evidenceOf, isCalendarDate } from './date-order';
import { parseHeader, type HeaderStamp } from './header-line';
import { LineClassifier, pushWarnings, type LineEvent } from './line-classifier';
import type { TextLine } from './text-lines';
import { WarningBudget } from './warning-budget';

export type { LineEvent } from './line-classifier';

export type LookAheadLimits = Readonly<{ lookAheadLines: number; lookAheadBytes: number }>;

type Held = Readonly<{ line: TextLine; stamp: HeaderStamp | null }>;

/** A stamp that can be a date at all (some order makes it a calendar day). */
function isPlausible(stamp: HeaderStamp): boolean {
  const { firstNumber: a, secondNumber: b, year } = stamp;
  return isCalendarDate(year, b, a) || isCalendarDate(year, a, b);
}

export class MessageLineSorter {
  private readonly warnings: WarningBudget;
  private phase: 'seeking' | 'holding' | 'streaming' = 'seeking';
  private anyLine = false;
  private skippedLines = 0;
  private skippedBytes = 0;
  private first: Readonly<{ line: TextLine; stamp: HeaderStamp }> | undefined;
  private held: Held[] = [];
  private heldHeaders = 0;
  private heldBytes = 0;
  private readonly inference = new DayMonthInference();
  private classifier: LineClassifier | undefined;

  constructor(
    private readonly entry: string,
    private readonly limits: LookAheadLimits,
    private readonly zone: string,
  ) {
    this.warnings = new WarningBudget(entry);
  }

  push(line: TextLine, out: LineEvent[]): void {
    this.anyLine = true;
    switch (this.phase) {
      case 'seeking':
        this.seek(line, out);
        return;
      case 'holding':
        this.hold(line, out);
        return;
      case 'streaming': {
        const classifier = this.classifier;
        if (classifier !== undefined) classifier.classify(line, classifier.parse(line), out);
        return;
      }
    }
  }

  /** The input ended: what is held goes out, then the summary of warnings left out. */
  end(out: LineEvent[]): void {
    if (this.phase === 'seeking') {
      throw new ReadError(
        'INVALID_FORMAT',
        this.anyLine ? `${this.entry} has no WhatsApp message lines.` : `${this.entry} is empty.`,
        { entry: this.entry },
      );
    }
    this.release(out);
    pushWarnings(this.warnings.summary(), out);
  }

  /** The input broke off (not at a line): what is held still goes out. */
  interrupt(out: LineEvent[]): void {
    if (this.phase === 'holding') this.release(out);
  }

  private seek(line: TextLine, out: LineEvent[]): void {
    if (line.broken !== undefined) throw line.broken;
    const stamp = parseHeader(line.text, false);
    if (stamp !== null && isPlausible(stamp)) {
      if (this.skippedLines > 0) {
        const message = `${this.skippedLines} line(s) before the first message were skipped.`;
        pushWarnings(this.warnings.add('TEXT_BEFORE_FIRST_MESSAGE', message), out);
      }
      this.first = { line, stamp };
      this.phase = 'holding';
      this.take(line, stamp);
      if (this.lookAheadDone()) this.release(out);
      return;
    }
    if (line.text.trim() !== '') this.skippedLines += 1;
    this.skippedBytes += line.bytes + 1;
    if (this.skippedBytes > this.limits.lookAheadBytes) {
      throw new ReadError(
        'INVALID_FORMAT',
        `${this.entry} has no WhatsApp message line in its first ${this.limits.lookAheadBytes} bytes.`,
        { entry: this.entry, line: line.number, byte: line.byte },
      );
    }
  }

  private hold(line: TextLine, out: LineEvent[]): void {
    const stamp = parseHeader(line.text, this.first?.stamp.style.separator === 'space');
    this.take(line, stamp);
    if (line.broken !== undefined || this.lookAheadDone()) this.release(out);
  }

  private take(line: TextLine, stamp: HeaderStamp | null): void {
    this.held.push({ line, stamp });
    this.heldBytes += line.bytes + 1;
    const own = stamp !== null && stamp.styleKey === this.first?.stamp.styleKey;
    if (own && evidenceOf(stamp.firstNumber, stamp.secondNumber) !== 'impossible') {
      this.heldHeaders += 1;
      this.inference.observe(stamp.firstNumber, stamp.secondNumber);
    }
  }

  private lookAheadDone(): boolean {
    return (
      this.inference.proven ||
      this.heldHeaders >= this.limits.lookAheadLines ||
      this.heldBytes >= this.limits.lookAheadBytes
    );
  }

  /** Decides the order from what is held, then classifies the held lines. */
  private release(out: LineEvent[]): void {
    const first = this.first;
    if (this.phase !== 'holding' || first === undefined) return;
    const style = { style: first.stamp.style, key: first.stamp.styleKey };
    const decision = this.inference.decide(first.stamp.style.yearPosition === 0);
    const classifier = new LineClassifier(this.entry, style, decision, this.zone, this.warnings);
    this.classifier = classifier;
    this.phase = 'streaming';
    const held = this.held;
    this.held = [];
    for (const item of held) classifier.classify(item.line, item.stamp, out);
  }
}
