/**
 * Young-generation collections on the thread that allocated, not on V8's helper threads too.
 *
 * An import keeps two threads busy: the reading thread and the one writer, which sets the pace.
 * The reading thread makes short-lived objects by the gigabyte (some 400 young collections per
 * million Telegram messages), and by default each collection wakes V8's helper threads. On a
 * two-core machine they take the writer's core for a moment each time. In a 1M-message import the
 * writer then waited 0.7–0.9 s for a processor, against 0.4–0.6 s with this setting. The reading
 * thread has time to spare (it waits for the writer about a quarter of the time), so doing its
 * collections alone costs the import nothing.
 *
 * The flag is V8's, for the whole process, and read at each young collection, so it may be set
 * while the process runs (V8's own tests do). Node and Electron leave V8's flags open to
 * `setFlagsFromString` after start-up.
 */
import { setFlagsFromString } from 'node:v8';

export const ONE_THREAD_YOUNG_COLLECTIONS = '--no-parallel-scavenge';

export function collectYoungGenerationsOnOneThread(): void {
  setFlagsFromString(ONE_THREAD_YOUNG_COLLECTIONS);
}
