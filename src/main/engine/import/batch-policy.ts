/**
 * When to commit: the first batch as soon as a few messages are in (or a moment has passed), so the
 * first messages are visible within a second; then large batches, bounded in size and in time.
 */
export const FIRST_BATCH_MESSAGES = 100;
export const LATER_BATCH_MESSAGES = 10_000;
export const MAX_BATCH_MILLISECONDS = 500;
/**
 * Batches sent to the writer and not yet committed. With two, the writer finds the next batch
 * waiting when it finishes one, instead of waiting while it is encoded and sent.
 */
export const COMMITS_IN_FLIGHT = 2;

export class BatchPolicy {
  #commits = 0;
  #since = performance.now();

  due(pendingMessages: number): boolean {
    if (pendingMessages === 0) return false;
    const limit = this.#commits === 0 ? FIRST_BATCH_MESSAGES : LATER_BATCH_MESSAGES;
    return pendingMessages >= limit || performance.now() - this.#since >= MAX_BATCH_MILLISECONDS;
  }

  committed(): void {
    this.#commits += 1;
    this.#since = performance.now();
  }
}
