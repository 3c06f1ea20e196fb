/**
 * Counting the hits of a common word is most of a search: a million hits take some 30 ms on one
 * thread. So the count is split by message id, which is by time (db/message-ids.ts), into parts
 * holding about as many messages each, and the parts are counted side by side: one on the query
 * thread with the page of hits, the others on search threads of their own (search-threads.ts).
 * Where the parts meet comes from the conversations table alone: each conversation's messages,
 * spread evenly over the span from its first to its last, without reading a single message.
 */
import type { Database } from 'better-sqlite3';
import { SLOTS_PER_SECOND, secondOf } from '../db/message-ids';
import type { IdPart } from './search-sql';

type Span = Readonly<{ first: number; last: number; count: number }>;

/** How many of the spans' messages, spread evenly over each span, were sent before `instant`. */
function sentBefore(spans: readonly Span[], instant: number): number {
  let sum = 0;
  for (const { first, last, count } of spans) {
    if (instant > last) sum += count;
    else if (instant > first) sum += (count * (instant - first)) / (last - first);
  }
  return sum;
}

/**
 * The ids where `parts` parts of about as many messages each meet, ascending (fewer when parts
 * would be empty; none for a vault without messages). Whole seconds: a second's ids are together.
 */
export function searchPartBounds(db: Database, parts: number): number[] {
  const spans = db
    .prepare<[], Span>(
      `SELECT first_at AS first, last_at AS last, message_count AS count FROM conversations
       WHERE message_count > 0 AND first_at IS NOT NULL AND last_at IS NOT NULL`,
    )
    .all();
  const total = spans.reduce((sum, span) => sum + span.count, 0);
  if (total === 0 || parts < 2) return [];
  const earliest = Math.min(...spans.map((span) => span.first));
  const latest = Math.max(...spans.map((span) => span.last));
  const bounds: number[] = [];
  for (let part = 1; part < parts; part += 1) {
    // The first instant before which part/parts of the messages were sent.
    const target = (total * part) / parts;
    let low = earliest;
    let high = latest + 1;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (sentBefore(spans, middle) >= target) high = middle;
      else low = middle + 1;
    }
    const bound = secondOf(low) * SLOTS_PER_SECOND;
    if (bound > (bounds.at(-1) ?? -Infinity)) bounds.push(bound);
  }
  return bounds;
}

/** The parts the bounds cut the id space into, oldest first: [-inf, b1), [b1, b2), ... [bn, inf). */
export function partsBetween(bounds: readonly number[]): IdPart[] {
  return [null, ...bounds].map((from, index) => ({ from, below: bounds[index] ?? null }));
}
