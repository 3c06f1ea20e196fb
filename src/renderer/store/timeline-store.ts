/**
 * The open conversation's window of messages: a few pages around where the person is reading,
 * fetched by cursor in either direction and trimmed at the far end, never the whole chat.
 */
import { create } from 'zustand';
import type { Api, MessageView, PageAnchor } from '../../shared/contract';

export const PAGE_SIZE = 200;
/** At most this many messages are held; a page loaded at one end drops as many from the other. */
export const MAX_KEPT = 2000;

type TimelineState = Readonly<{
  conversationId: string | null;
  messages: readonly MessageView[];
  hasOlder: boolean;
  hasNewer: boolean;
  loading: boolean;
  error: string | null;
  open: (api: Api, conversationId: string, at?: 'start' | 'end') => Promise<void>;
  loadOlder: (api: Api) => Promise<void>;
  loadNewer: (api: Api) => Promise<void>;
}>;

export const useTimeline = create<TimelineState>()((set, get) => {
  const fetchPage = async (api: Api, conversationId: string, anchor: PageAnchor) => {
    set({ loading: true, error: null });
    try {
      return await api.call('messages.page', { conversationId, anchor, limit: PAGE_SIZE });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
      return null;
    } finally {
      set({ loading: false });
    }
  };
  return {
    conversationId: null,
    messages: [],
    hasOlder: false,
    hasNewer: false,
    loading: false,
    error: null,
    async open(api, conversationId, at = 'end') {
      set({ conversationId, messages: [], hasOlder: false, hasNewer: false });
      const page = await fetchPage(api, conversationId, { kind: at });
      if (page === null || get().conversationId !== conversationId) return;
      set({
        messages: page.messages,
        hasOlder: at === 'end' && page.more,
        hasNewer: at === 'start' && page.more,
      });
    },
    async loadOlder(api) {
      const { conversationId, messages, loading, hasOlder } = get();
      const first = messages[0];
      if (conversationId === null || first === undefined || loading || !hasOlder) return;
      const page = await fetchPage(api, conversationId, { kind: 'before', messageId: first.id });
      if (page === null || get().conversationId !== conversationId) return;
      const combined = [...page.messages, ...get().messages];
      const trimmed = combined.length > MAX_KEPT;
      set({
        messages: trimmed ? combined.slice(0, MAX_KEPT) : combined,
        hasOlder: page.more,
        hasNewer: get().hasNewer || trimmed,
      });
    },
    async loadNewer(api) {
      const { conversationId, messages, loading } = get();
      const last = messages.at(-1);
      if (conversationId === null || loading) return;
      const page = await fetchPage(
        api,
        conversationId,
        last === undefined ? { kind: 'start' } : { kind: 'after', messageId: last.id },
      );
      if (page === null || get().conversationId !== conversationId) return;
      const combined = [...get().messages, ...page.messages];
      const trimmed = combined.length > MAX_KEPT;
      set({
        messages: trimmed ? combined.slice(combined.length - MAX_KEPT) : combined,
        hasNewer: page.more,
        hasOlder: get().hasOlder || trimmed,
      });
    },
  };
});
