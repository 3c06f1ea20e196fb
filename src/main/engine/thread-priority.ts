/**
 * Background priority for a thread whose work may wait (storing an import's original), so that on
 * a busy machine it takes a processor only when the threads that set the pace leave one free.
 *
 * Only Linux sets a priority per thread (a thread is a task with an id of its own, which
 * /proc/thread-self names). Elsewhere the same call would lower the whole process, so the thread
 * keeps its priority there.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The niceness of background threads: 10 of 19, as `nice` gives a command by default. */
export const BACKGROUND_NICENESS = 10;

/** This thread's id on Linux (from /proc/thread-self, `<pid>/task/<tid>`), else null. */
export function linuxThreadId(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const id = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

/**
 * Lowers the calling thread's priority to BACKGROUND_NICENESS; threads it starts afterwards inherit
 * it. Returns whether it did (false on other systems, or when the system refused).
 */
export function lowerThisThreadPriority(): boolean {
  const id = linuxThreadId();
  if (id === null) return false;
  try {
    setPriority(id, BACKGROUND_NICENESS);
    return true;
  } catch {
    return false;
  }
}
