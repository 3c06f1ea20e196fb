/**
 * Search threads: read-only query threads that count parts of a search's hits while the query
 * thread reads the page of hits and counts its own part (search-parts.ts). One per core beside
 * the query thread's, at least one and at most MAX_SEARCH_THREADS. The first search starts them in
 * the background; until they are ready, or if one cannot start, fewer threads count.
 */
import { availableParallelism } from 'node:os';
import type { DbClient } from '../db/client';
import { startDbWorker } from '../db/client';
import type { DbWorkerData } from '../db/worker-protocol';
import { VaultError } from '../errors';
import type { SearchHit, SearchRequest } from './search-messages';
import { partsBetween } from './search-parts';
import { WHOLE } from './search-sql';

export const MAX_SEARCH_THREADS = 3;

/**
 * Parts of the id space per searching thread. More would let a faster core take on more of them,
 * but every part pays for its own page and walk: over the bench's 2M messages on 2 cores, one part
 * per thread had a p95 of 38-40 ms and two 46 ms (one thread alone: 50-70 ms).
 */
export const PARTS_PER_THREAD = 1;

/** How many search threads a machine with `cores` cores gets. */
export function searchThreadCount(cores = availableParallelism()): number {
  return Math.min(MAX_SEARCH_THREADS, Math.max(1, cores - 1));
}

export class SearchThreads {
  readonly #workerPath: string;
  readonly #data: DbWorkerData;
  readonly #count: number;
  readonly #ready: DbClient[] = [];
  #starting: Promise<void> | null = null;
  #closed = false;

  readonly #startThread: typeof startDbWorker;

  /**
   * Nothing starts before the first search: a vault that is never searched pays nothing.
   * `startThread` starts one thread (tests give threads that fail).
   */
  constructor(
    workerPath: string,
    data: DbWorkerData,
    count: number,
    startThread: typeof startDbWorker = startDbWorker,
  ) {
    this.#workerPath = workerPath;
    this.#data = data;
    this.#count = count;
    this.#startThread = startThread;
  }

  #start(): Promise<void> {
    this.#starting ??= Promise.all(
      Array.from({ length: this.#count }, async () => {
        try {
          const client = await this.#startThread(this.#workerPath, {
            ...this.#data,
            readOnly: true,
          });
          if (this.#closed) await client.close();
          else this.#ready.push(client);
        } catch {
          // This thread could not start: the search counts on the others and the query thread.
        }
      }),
    ).then(() => undefined);
    return this.#starting;
  }

  /** How many search threads are ready. */
  get threadCount(): number {
    return this.#ready.length;
  }

  /** Starts the search threads (if no search has) and resolves once each started or failed to. */
  started(): Promise<void> {
    return this.#start();
  }

  /**
   * Runs a search on the query thread `db` and the search threads: its id space cut into
   * PARTS_PER_THREAD parts per thread, which the threads take from one queue, newest first (a
   * thread that has gone leaves its part to the others).
   */
  async search(
    db: DbClient,
    request: SearchRequest,
  ): Promise<{ total: number; hits: SearchHit[]; nextCursor: string | null }> {
    // The first search starts the threads and searches without them; later ones have them.
    void this.#start();
    // A count the token bitmaps answer needs no other thread.
    const counted = await db.call('searchWithBitmaps', request);
    if (counted !== null) return { ...counted, hits: [...counted.hits] };
    const threads = [db, ...this.#ready];
    const bounds =
      threads.length === 1
        ? []
        : await db.call('searchPartBounds', threads.length * PARTS_PER_THREAD);
    const parts = partsBetween(bounds);
    const newest = parts.length - 1;
    const ranked = request.order === 'relevance';
    // Newest first, every part is paged and counted. By relevance, the newest part's job ranks
    // every hit for the page and counts its part; the others only count.
    const run = (thread: DbClient, index: number) => {
      const part = parts[index] ?? WHOLE;
      return ranked && index !== newest
        ? thread.call('countSearchHits', request, part).then((total) => ({ total, hits: [] }))
        : thread.call('searchMessages', request, part);
    };
    const done = new Array<Awaited<ReturnType<typeof run>> | undefined>(parts.length);
    const queue = parts.map((_, index) => newest - index);
    await Promise.all(
      threads.map(async (thread) => {
        for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
          try {
            done[index] = await run(thread, index);
          } catch (error) {
            // A search thread that has gone leaves its parts to the others (the query thread
            // last of all); an error of the query thread is the search's.
            if (thread === db) throw error;
            queue.unshift(index);
            if (error instanceof VaultError && error.code === 'DATABASE_CLOSED') {
              this.#ready.splice(this.#ready.indexOf(thread), 1);
            }
            return;
          }
        }
      }),
    );
    // Parts left by a search thread that went after the query thread had finished its own.
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      done[index] = await run(db, index);
    }
    const results = done.filter((result) => result !== undefined);
    const total = results.reduce((sum, result) => sum + result.total, 0);
    if (ranked) {
      const page = done[newest];
      const whole = page !== undefined && 'totalIsWhole' in page && page.totalIsWhole;
      return {
        total: whole ? page.total : total,
        hits: [...(page?.hits ?? [])],
        nextCursor: null,
      };
    }
    // The page: the newest parts' hits, in order.
    const hits = results
      .reverse()
      .flatMap((result) => result.hits)
      .slice(0, request.limit);
    const last = hits.at(-1);
    return {
      total,
      hits,
      nextCursor: last !== undefined && hits.length === request.limit ? last.messageId : null,
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#starting;
    await Promise.all(this.#ready.splice(0).map((client) => client.close()));
  }
}
