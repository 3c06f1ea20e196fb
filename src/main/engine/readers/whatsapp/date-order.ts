/**
 * Which of a date's two non-year numbers is the day. WhatsApp writes dates in the phone's locale
 * and never says which; `3/6/18` is 3 June in most of the world and March 6 in the US.
 *
 * The rule (documented, applied the same way to every export):
 * 1. Proof: a number over 12 can only be a day. The look-ahead (the first lines of the chat, at
 *    most a fixed number of message lines or bytes, never the whole file) stops at the first proof.
 * 2. Without proof in the look-ahead: the number that changes more often from one message to the
 *    next is the day (days turn over faster than months).
 * 3. Without either: the day comes first (the order of most locales, en-GB, de, es, fr, in, ...),
 *    except when the year is written first, where the month comes first (2020/12/31).
 * A guess (2 or 3) gives way to proof met later in the file: from that line on the other order is
 * used and the reader warns (DATE_ORDER_CHANGED); messages already read keep their dates. Once
 * proven, a line whose date only fits the other order is not taken as a message line.
 */

export type DayMonthOrder = 'day-first' | 'month-first';

export type OrderDecision = Readonly<{
  order: DayMonthOrder;
  /** 'proof': a number over 12 said so; otherwise how the order was guessed. */
  basis: 'proof' | 'changes' | 'default';
}>;

/** What one date says about the order: nothing, one of the orders, or that it is no date. */
export type OrderEvidence = DayMonthOrder | 'none' | 'impossible';

export function evidenceOf(firstNumber: number, secondNumber: number): OrderEvidence {
  if (firstNumber > 12 && secondNumber > 12) return 'impossible';
  if (firstNumber > 12) return 'day-first';
  if (secondNumber > 12) return 'month-first';
  return 'none';
}

/** Collects what the look-ahead's dates say, then decides. */
export class DayMonthInference {
  private proof: DayMonthOrder | undefined;
  private previous: readonly [number, number] | undefined;
  private firstChanges = 0;
  private secondChanges = 0;

  get proven(): boolean {
    return this.proof !== undefined;
  }

  /** Records one date of the look-ahead; returns true once the order is proven. */
  observe(firstNumber: number, secondNumber: number): boolean {
    const evidence = evidenceOf(firstNumber, secondNumber);
    if (evidence === 'day-first' || evidence === 'month-first') this.proof ??= evidence;
    if (this.previous !== undefined) {
      if (this.previous[0] !== firstNumber) this.firstChanges += 1;
      if (this.previous[1] !== secondNumber) this.secondChanges += 1;
    }
    this.previous = [firstNumber, secondNumber];
    return this.proof !== undefined;
  }

  decide(yearFirst: boolean): OrderDecision {
    if (this.proof !== undefined) return { order: this.proof, basis: 'proof' };
    if (!yearFirst && this.firstChanges !== this.secondChanges) {
      return {
        order: this.firstChanges > this.secondChanges ? 'day-first' : 'month-first',
        basis: 'changes',
      };
    }
    return { order: yearFirst ? 'month-first' : 'day-first', basis: 'default' };
  }
}

export type OrderCheck =
  | Readonly<{ kind: 'fits' }>
  | Readonly<{ kind: 'switched'; from: DayMonthOrder; to: DayMonthOrder }>
  | Readonly<{ kind: 'contradicts' }>;

/** The order in force while the rest of the file streams by, corrected by later proof. */
export class DayMonthOrderTracker {
  private current: DayMonthOrder;
  private proven: boolean;

  constructor(decision: OrderDecision) {
    this.current = decision.order;
    this.proven = decision.basis === 'proof';
  }

  get order(): DayMonthOrder {
    return this.current;
  }

  check(firstNumber: number, secondNumber: number): OrderCheck {
    const evidence = evidenceOf(firstNumber, secondNumber);
    if (evidence === 'none') return { kind: 'fits' };
    if (evidence === 'impossible') return { kind: 'contradicts' };
    if (evidence === this.current) {
      this.proven = true;
      return { kind: 'fits' };
    }
    if (this.proven) return { kind: 'contradicts' };
    const from = this.current;
    this.current = evidence;
    this.proven = true;
    return { kind: 'switched', from, to: evidence };
  }
}

/** Day and month of a stamp's two numbers under an order. */
export function dayAndMonth(
  order: DayMonthOrder,
  firstNumber: number,
  secondNumber: number,
): { day: number; month: number } {
  return order === 'day-first'
    ? { day: firstNumber, month: secondNumber }
    : { day: secondNumber, month: firstNumber };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days;
}
