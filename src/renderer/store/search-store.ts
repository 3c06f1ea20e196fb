/**
 * The search box: what is typed, where it looks (everywhere or the open conversation), and the
 * hits the engine returned. Results come as the person types: a run starts a moment after the last
 * key, and the answer of a run that a newer one superseded is dropped, never shown.
 */
import { create } from 'zustand';
import type { Api, SearchHit } from '../../shared/contract';

export const SEARCH_DEBOUNCE_MS = 180;
export const SEARCH_PAGE = 50;

export type SearchStatus = 'idle' | 'searching' | 'done' | 'error';
export type SearchOrder = 'newest' | 'relevance';

type SearchState = Readonly<{
  open: boolean;
  query: string;
  /** The conversation searched, or null for everywhere. */
  conversationId: string | null;
  order: SearchOrder;
  status: SearchStatus;
  total: number;
  hits: readonly SearchHit[];
  nextCursor: string | null;
  error: string | null;
  /** Opens the box, searching the given conversation (null: everywhere). */
  show: (conversationId: string | null) => void;
  hide: () => void;
  setQuery: (api: Api, query: string) => void;
  setScope: (api: Api, conversationId: string | null) => void;
  setOrder: (api: Api, order: SearchOrder) => void;
  loadMore: (api: Api) => Promise<void>;
}>;

/** The run whose answer may still be shown; older answers are dropped. */
let generation = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
/** A next page is being read (one at a time). */
let loadingMore = false;

export const useSearch = create<SearchState>()((set, get) => {
  const run = async (api: Api): Promise<void> => {
    const mine = ++generation;
    const { query, conversationId, order } = get();
    if (query.trim() === '') {
      set({ status: 'idle', total: 0, hits: [], nextCursor: null, error: null });
      return;
    }
    set({ status: 'searching' });
    try {
      const result = await api.call('search.messages', {
        query,
        conversationId,
        order,
        limit: SEARCH_PAGE,
        cursor: null,
        offset: 0,
      });
      if (mine !== generation) return;
      set({
        status: 'done',
        total: result.total,
        hits: result.hits,
        nextCursor: result.nextCursor,
        error: null,
      });
    } catch (error) {
      if (mine !== generation) return;
      set({
        status: 'error',
        total: 0,
        hits: [],
        nextCursor: null,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  const schedule = (api: Api, delay: number) => {
    clearTimeout(timer);
    generation += 1; // whatever is in flight is now stale
    timer = setTimeout(() => void run(api), delay);
  };
  return {
    open: false,
    query: '',
    conversationId: null,
    order: 'newest',
    status: 'idle',
    total: 0,
    hits: [],
    nextCursor: null,
    error: null,
    show: (conversationId) => set({ open: true, conversationId }),
    hide: () => {
      clearTimeout(timer);
      generation += 1;
      set({ open: false });
    },
    setQuery: (api, query) => {
      set({ query });
      schedule(api, SEARCH_DEBOUNCE_MS);
    },
    setScope: (api, conversationId) => {
      set({ conversationId });
      schedule(api, 0);
    },
    setOrder: (api, order) => {
      set({ order });
      schedule(api, 0);
    },
    async loadMore(api) {
      const { query, conversationId, order, hits, nextCursor, status } = get();
      const more = order === 'newest' ? nextCursor !== null : hits.length < get().total;
      if (status !== 'done' || !more || loadingMore) return;
      const mine = generation;
      loadingMore = true;
      try {
        const result = await api.call('search.messages', {
          query,
          conversationId,
          order,
          limit: SEARCH_PAGE,
          cursor: order === 'newest' ? nextCursor : null,
          offset: order === 'relevance' ? hits.length : 0,
        });
        if (mine !== generation) return;
        set({
          hits: [...hits, ...result.hits],
          nextCursor: result.nextCursor,
          total: result.total,
        });
      } finally {
        loadingMore = false;
      }
    },
  };
});
