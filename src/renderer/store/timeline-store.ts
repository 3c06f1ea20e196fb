/**
 * The open conversation's window of messages: a few pages around where the person is reading,
 * fetched by cursor in either direction and trimmed at the far end, never the whole chat. A jump
 * (to a reply's original, to a date) replaces the window with a page centred on its target.
 */
import { create } from 'zustand';
import type { AroundTarget, Api, MessageView, PageAnchor } from '../../shared/contract';

export const PAGE_SIZE = 200;
/** At most this many messages are held; a page loaded at one end drops as many from the other. */
export const MAX_KEPT = 2000;

/**
 * A message the timeline should bring into view, where, and whether to mark it (the target of a
 * jump); `seq` tells two jumps to one message apart.
 */
export type Focus = Readonly<{
  messageId: string;
  seq: number;
  align: 'start' | 'center' | 'end';
  highlight: boolean;
}>;

type TimelineState = Readonly<{
  conversationId: string | null;
  messages: readonly MessageView[];
  hasOlder: boolean;
  hasNewer: boolean;
  loading: boolean;
  /** The first page of the open conversation has arrived (an empty one too). */
  loaded: boolean;
  error: string | null;
  focus: Focus | null;
  open: (api: Api, conversationId: string, at?: 'start' | 'end') => Promise<void>;
  jumpTo: (api: Api, target: AroundTarget) => Promise<void>;
  /** Opens a conversation at one of its messages, highlighted, with context around it. */
  openAt: (api: Api, conversationId: string, messageId: string) => Promise<void>;
  /** Brings a message into view: at once when it is loaded, else with a page around it. */
  showMessage: (api: Api, messageId: string) => Promise<void>;
  loadOlder: (api: Api) => Promise<void>;
  loadNewer: (api: Api) => Promise<void>;
}>;

let focusSeq = 0;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const useTimeline = create<TimelineState>()((set, get) => {
  const fetchPage = async (api: Api, conversationId: string, anchor: PageAnchor) => {
    set({ loading: true, error: null });
    try {
      return await api.call('messages.page', { conversationId, anchor, limit: PAGE_SIZE });
    } catch (error) {
      set({ error: errorText(error) });
      return null;
    } finally {
      set({ loading: false });
    }
  };
  /** Makes `conversationId` the open conversation, with nothing of it loaded yet. */
  const startEmpty = (conversationId: string) =>
    set({
      conversationId,
      messages: [],
      hasOlder: false,
      hasNewer: false,
      loaded: false,
      focus: null,
    });
  return {
    conversationId: null,
    messages: [],
    hasOlder: false,
    hasNewer: false,
    loading: false,
    loaded: false,
    error: null,
    focus: null,
    async open(api, conversationId, at = 'end') {
      // Another conversation starts empty; this one (Home, End, a retry) keeps its messages on
      // screen until the new page replaces them.
      if (get().conversationId !== conversationId) startEmpty(conversationId);
      const page = await fetchPage(api, conversationId, { kind: at });
      if (get().conversationId !== conversationId) return;
      if (page === null) return set({ loaded: true });
      const edge = at === 'end' ? page.messages.at(-1) : page.messages[0];
      focusSeq += 1;
      set({
        messages: page.messages,
        hasOlder: at === 'end' && page.more,
        hasNewer: at === 'start' && page.more,
        loaded: true,
        focus:
          edge === undefined
            ? null
            : { messageId: edge.id, seq: focusSeq, align: at, highlight: false },
      });
    },
    async openAt(api, conversationId, messageId) {
      if (get().conversationId === conversationId) return get().showMessage(api, messageId);
      startEmpty(conversationId);
      await get().jumpTo(api, { kind: 'message', messageId });
    },
    async jumpTo(api, target) {
      const { conversationId } = get();
      if (conversationId === null) return;
      set({ loading: true, error: null });
      try {
        const page = await api.call('messages.around', {
          conversationId,
          target,
          limit: PAGE_SIZE,
        });
        if (get().conversationId !== conversationId) return;
        focusSeq += 1;
        set({
          messages: page.messages,
          hasOlder: page.moreBefore,
          hasNewer: page.moreAfter,
          loaded: true,
          focus:
            page.targetId === null
              ? null
              : { messageId: page.targetId, seq: focusSeq, align: 'center', highlight: true },
        });
      } catch (error) {
        set({ error: errorText(error) });
      } finally {
        set({ loading: false });
      }
    },
    async showMessage(api, messageId) {
      if (get().messages.some((message) => message.id === messageId)) {
        focusSeq += 1;
        set({ focus: { messageId, seq: focusSeq, align: 'center', highlight: true } });
        return;
      }
      await get().jumpTo(api, { kind: 'message', messageId });
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
      // Nothing new (as when a conversation opens at its end): the timeline stays as it is.
      if (page.messages.length === 0) return set({ hasNewer: page.more });
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
