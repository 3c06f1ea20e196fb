/**
 * When to commit: the first batch as soon as a few messages are in (or a moment has passed), so the
 * first messages are visible within a second; then large batches, bounded in messages, in bytes and
 * in time.
 */
export const FIRST_BATCH_MESSAGES = 100;
export const LATER_BATCH_MESSAGES = 10_000;
export const MAX_BATCH_MILLISECONDS = 500;
/**
 * Bytes of packed strings (see batch-columns.ts) at which a batch goes whatever its count, so a
 * batch of long messages stays small in memory.
 */
export const MAX_BATCH_BYTES = 32 * 1024 * 1024;
/**
 * Batches sent to the writer and not yet committed. With two, the writer finds the next batch
 * waiting when it finishes one, instead of waiting while it is sent.
 */
export const COMMITS_IN_FLIGHT = 2;

export class BatchPolicy {
  #commits = 0;
  #since = performance.now();

  due(pendingMessages: number, pendingBytes: number): boolean {
    if (pendingMessages === 0) return false;
    const limit = this.#commits === 0 ? FIRST_BATCH_MESSAGES : LATER_BATCH_MESSAGES;
    return (
      pendingMessages >= limit ||
      pendingBytes >= MAX_BATCH_BYTES ||
      performance.now() - this.#since >= MAX_BATCH_MILLISECONDS
    );
  }

  committed(): void {
    this.#commits += 1;
    this.#since = performance.now();
  }
}
