/**
 * Which days have messages, for a calendar: one probe of the time index per day (is there any
 * message in [start, end)?), so a month costs about thirty index lookups however busy it was.
 */
import type { Database } from 'better-sqlite3';

export const ANY_MESSAGE_BETWEEN_SQL = `SELECT 1 FROM messages
  WHERE conversation_id = :conversationId AND sent_at >= :from AND sent_at < :to LIMIT 1`;

export type DaysRequest = Readonly<{
  conversationId: string;
  /** The start of each day and, last, the end of the last day (ms since the epoch). */
  boundaries: readonly number[];
}>;

/** The indexes (0-based) of the days between consecutive boundaries that have any message. */
export function daysWithMessages(db: Database, request: DaysRequest): number[] {
  const probe = db.prepare<{ conversationId: string; from: number; to: number }>(
    ANY_MESSAGE_BETWEEN_SQL,
  );
  const days: number[] = [];
  for (let index = 0; index + 1 < request.boundaries.length; index += 1) {
    const from = request.boundaries[index] ?? 0;
    const to = request.boundaries[index + 1] ?? 0;
    if (probe.get({ conversationId: request.conversationId, from, to }) !== undefined)
      days.push(index);
  }
  return days;
}
