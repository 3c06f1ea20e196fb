/**
 * Search threads: read-only query threads that count parts of a search's hits while the query
 * thread reads the page of hits and counts its own part (search-parts.ts). One per core beside
 * the query thread's, at least one and at most MAX_SEARCH_THREADS. The first search starts them in
 * the background; until they are ready, or if one cannot start, fewer threads count.
 */
import { availableParallelism } from 'node:os';
import type { DbClient } from '../db/client';
import { startDbWorker } from '../db/client';
import type { DbWorkerData, QueryArgs, QueryResult } from '../db/worker-protocol';
import type { SearchHit, SearchRequest } from './search-messages';
import { partsBetween } from './search-parts';

export const MAX_SEARCH_THREADS = 3;

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

  /** Nothing starts before the first search: a vault that is never searched pays nothing. */
  constructor(workerPath: string, data: DbWorkerData, count: number) {
    this.#workerPath = workerPath;
    this.#data = data;
    this.#count = count;
  }

  #start(): Promise<void> {
    this.#starting ??= Promise.all(
      Array.from({ length: this.#count }, async () => {
        try {
          const client = await startDbWorker(this.#workerPath, { ...this.#data, readOnly: true });
          if (this.#closed) await client.close();
          else this.#ready.push(client);
        } catch {
          // This thread could not start: the search counts on the others and the query thread.
        }
      }),
    ).then(() => undefined);
    return this.#starting;
  }

  /** Starts the search threads (if no search has) and resolves once each started or failed to. */
  started(): Promise<void> {
    return this.#start();
  }

  /** Runs a search on the query thread `db`, its count split over it and the search threads. */
  async search(
    db: DbClient,
    request: SearchRequest,
  ): Promise<{ total: number; hits: SearchHit[]; nextCursor: string | null }> {
    // The first search starts the threads and counts without them; later ones have them.
    void this.#start();
    const helpers = [...this.#ready];
    const bounds =
      helpers.length === 0 ? [] : await db.call('searchPartBounds', helpers.length + 1);
    const parts = partsBetween(bounds);
    /** The thread of a part: the newest (last) is the query thread's, the others a helper's. */
    const on = (index: number): DbClient =>
      index === parts.length - 1 ? db : (helpers[index] ?? db);
    /** A search thread that has gone leaves its part to the query thread. */
    const call = <K extends 'searchMessages' | 'countSearchHits'>(
      index: number,
      name: K,
      ...args: QueryArgs<K>
    ): Promise<QueryResult<K>> =>
      on(index)
        .call(name, ...args)
        .catch((error: unknown) =>
          on(index) === db ? Promise.reject(error) : db.call(name, ...args),
        );

    if (request.order === 'newest') {
      // Each thread pages through its own part; the page is the newest parts' hits, in order.
      const pages = await Promise.all(
        parts.map((part, index) => call(index, 'searchMessages', request, part)),
      );
      const hits = pages
        .reverse()
        .flatMap((page) => page.hits)
        .slice(0, request.limit);
      const last = hits.at(-1);
      return {
        total: pages.reduce((sum, page) => sum + page.total, 0),
        hits,
        nextCursor: last !== undefined && hits.length === request.limit ? last.messageId : null,
      };
    }
    // By relevance the page ranks every hit (on the query thread); the others count their parts.
    const newestPart = parts.length - 1;
    const [page, ...counts] = await Promise.all([
      call(newestPart, 'searchMessages', request, parts[newestPart] ?? { from: null, below: null }),
      ...parts.slice(0, -1).map((part, index) => call(index, 'countSearchHits', request, part)),
    ]);
    const { totalIsWhole, ...result } = page;
    const others = counts.reduce((sum, count) => sum + count, 0);
    return { ...result, hits: [...result.hits], total: result.total + (totalIsWhole ? 0 : others) };
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#starting;
    await Promise.all(this.#ready.splice(0).map((client) => client.close()));
  }
}
