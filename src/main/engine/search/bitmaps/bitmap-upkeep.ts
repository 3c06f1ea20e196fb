/**
 * Keeps the token bitmaps current: builds them on a database thread of its own when the vault
 * opens without current ones and after imports, one build at a time (a request during a build
 * runs one more after it). Searches count with the index until a build is done; an import that
 * starts, or closing the engine, stops a build, and the import's end or the next opening starts
 * it again.
 */
import type { DbClient } from '../../db/client';
import type { BitmapPolicy } from './build-bitmaps';

export type BitmapUpkeepOptions = Readonly<{
  policy: BitmapPolicy;
  /** Whether the vault needs a build now (asked of the query thread, which answers at once). */
  stale: () => Promise<boolean>;
  /** Starts the writable database thread a build runs on. */
  startThread: () => Promise<DbClient>;
}>;

export class BitmapUpkeep {
  readonly #options: BitmapUpkeepOptions;
  #running: Promise<void> | null = null;
  #again = false;
  #thread: DbClient | null = null;
  #closed = false;
  /** How many times a build was stopped: a run started before a stop does not go on after it. */
  #stops = 0;

  constructor(options: BitmapUpkeepOptions) {
    this.#options = options;
  }

  /** Builds the bitmaps if the vault needs them, after the build under way if there is one. */
  request(): void {
    if (this.#closed) return;
    if (this.#running !== null) {
      this.#again = true;
      return;
    }
    this.#running = this.#run().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.request();
      }
    });
  }

  async #run(): Promise<void> {
    const stops = this.#stops;
    const stopped = (): boolean => this.#closed || this.#stops !== stops;
    try {
      if (!(await this.#options.stale()) || stopped()) return;
      this.#thread = await this.#options.startThread();
      if (stopped()) return;
      await this.#thread.call('buildSearchBitmaps', this.#options.policy);
    } catch {
      // Stale bitmaps are not used, so a failed or stopped build costs speed, never a wrong
      // count; the next opening or import tries again.
    } finally {
      const thread = this.#thread;
      this.#thread = null;
      await thread?.close();
    }
  }

  /** Resolves once no build is running or asked for. */
  async idle(): Promise<void> {
    while (this.#running !== null) await this.#running;
  }

  /**
   * Stops a build under way (an import has started: the build would be of fewer messages than
   * the vault will hold, and its long read would keep the log from being reset meanwhile).
   * A later request builds again.
   */
  async stop(): Promise<void> {
    this.#stops += 1;
    this.#again = false;
    await this.#thread?.terminate();
  }

  /** Stops a build under way, and builds no more. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#again = false;
    await this.#thread?.terminate();
    await this.idle();
  }
}
