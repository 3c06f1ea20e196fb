/**
 * Once a chat's style and day/month order are known: whether each line starts a message (and at
 * which instant) or continues the one before.
 *
 * One export writes every message line in one style (brackets or not, date separator, year digits
 * and place, 12 or 24 hours). A line that looks like a message line in another style is text: it is
 * how pasted or forwarded chat text looks inside a message ("[1.2.2019, 00:00:00] Ann: ..." inside
 * a "[04.01.18, ...]" chat).
 */
import { ReadError } from '../read-error';
import { zonedWallTimeToUtc } from '../zoned-time';
import {
  DayMonthOrderTracker,
  dayAndMonth,
  isCalendarDate,
  type OrderDecision,
} from './date-order';
import {
  isCutStamp,
  parseHeader,
  stampDateText,
  type HeaderStamp,
  type HeaderStyle,
} from './header-line';
import type { TextLine } from './text-lines';
import type { WarningBudget, ReaderWarning } from './warning-budget';

export type LineEvent =
  | Readonly<{ type: 'header'; line: TextLine; stamp: HeaderStamp; sentAt: number }>
  | Readonly<{ type: 'text'; line: TextLine }>
  | Readonly<{ type: 'warning'; warning: ReaderWarning }>
  /**
   * The input breaks here (bad bytes, a cut file, a line over the limit). `completesPrevious`: the
   * broken line starts a new message, so the message before it is complete.
   */
  | Readonly<{ type: 'break'; error: ReadError; completesPrevious: boolean }>;

export function pushWarnings(warnings: readonly ReaderWarning[], out: LineEvent[]): void {
  for (const warning of warnings) out.push({ type: 'warning', warning });
}

export class LineClassifier {
  private readonly tracker: DayMonthOrderTracker;
  private readonly acceptBareSpace: boolean;

  constructor(
    private readonly entry: string,
    private readonly style: Readonly<{ style: HeaderStyle; key: string }>,
    decision: OrderDecision,
    private readonly zone: string,
    private readonly warnings: WarningBudget,
  ) {
    this.tracker = new DayMonthOrderTracker(decision);
    this.acceptBareSpace = style.style.separator === 'space';
  }

  /** The line's stamp, when it has one in any style (null: plain text). */
  parse(line: TextLine): HeaderStamp | null {
    return parseHeader(line.text, this.acceptBareSpace);
  }

  isOwnStyle(stamp: HeaderStamp | null): stamp is HeaderStamp {
    return stamp !== null && stamp.styleKey === this.style.key;
  }

  classify(line: TextLine, parsed: HeaderStamp | null, out: LineEvent[]): void {
    if (line.broken !== undefined) {
      out.push({ type: 'break', error: line.broken, completesPrevious: this.isOwnStyle(parsed) });
      return;
    }
    if (!this.isOwnStyle(parsed)) {
      if (!line.terminated && isCutStamp(line.text, this.style.style)) {
        const error = new ReadError(
          'TRUNCATED',
          `${this.entry} ends in the middle of a message line (line ${line.number}).`,
          { entry: this.entry, line: line.number, byte: line.byte },
        );
        out.push({ type: 'break', error, completesPrevious: true });
        return;
      }
      if (parsed !== null) {
        this.warn(
          out,
          'OTHER_LINE_STYLE',
          `Line ${line.number} looks like a message line of another date style; it is kept as text of the message before it.`,
        );
      }
      out.push({ type: 'text', line });
      return;
    }
    const stamp = parsed;
    const check = this.tracker.check(stamp.firstNumber, stamp.secondNumber);
    if (check.kind === 'switched') {
      const first = (order: string): string => (order === 'day-first' ? 'day' : 'month');
      this.warn(
        out,
        'DATE_ORDER_CHANGED',
        `Line ${line.number} (${stampDateText(stamp)}) shows the ${first(check.to)} first; dates before it ` +
          `were read ${first(check.from)} first, dates from it on are read the other way.`,
      );
    }
    const { day, month } = dayAndMonth(this.tracker.order, stamp.firstNumber, stamp.secondNumber);
    if (check.kind === 'contradicts' || !isCalendarDate(stamp.year, month, day)) {
      this.warn(
        out,
        'DATE_NOT_VALID',
        `Line ${line.number} starts with ${stampDateText(stamp)}, which is no date in this chat's order; it is kept as text of the message before it.`,
      );
      out.push({ type: 'text', line });
      return;
    }
    const { year, hour, minute, second } = stamp;
    const sentAt = zonedWallTimeToUtc(year, month, day, hour, minute, second, this.zone);
    out.push({ type: 'header', line, stamp, sentAt });
  }

  private warn(out: LineEvent[], code: string, message: string): void {
    pushWarnings(this.warnings.add(code, message), out);
  }
}
