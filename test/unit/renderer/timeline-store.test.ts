import { describe, expect, it } from 'vitest';
import type { Api, MessageView, Params } from '../../../src/shared/contract';
import { useTimeline } from '../../../src/renderer/store/timeline-store';

const message = (id: number): MessageView => ({
  id: String(id),
  conversationId: 'c',
  sentAt: new Date(Date.UTC(2024, 0, 1, 0, id)).toISOString(),
  sender: 'Ana',
  text: `message ${id}`,
  kind: 'text',
  attachments: [],
});

/** An engine holding messages 1..count of conversation `c`, answering pages as the real one does. */
function engineWith(chat: { count: number }): Api {
  return {
    call: (async (method: string, params: Params<'messages.page'>) => {
      if (method !== 'messages.page') throw new Error(`unexpected ${method}`);
      const all = Array.from({ length: chat.count }, (_, index) => message(index + 1));
      const { anchor, limit } = params;
      switch (anchor.kind) {
        case 'end':
          return { messages: all.slice(-limit), more: all.length > limit };
        case 'after': {
          const rest = all.filter((m) => Number(m.id) > Number(anchor.messageId));
          return { messages: rest.slice(0, limit), more: rest.length > limit };
        }
        default:
          throw new Error(`unexpected anchor ${anchor.kind}`);
      }
    }) as Api['call'],
    subscribe: () => () => undefined,
  };
}

describe('the timeline store', () => {
  it('keeps its messages as they are when nothing newer came, and appends what did', async () => {
    const chat = { count: 3 };
    const api = engineWith(chat);
    await useTimeline.getState().open(api, 'c');
    const opened = useTimeline.getState().messages;
    expect(opened.map((m) => m.id)).toEqual(['1', '2', '3']);

    // As on every open at the end: asking for newer messages finds none and changes nothing, so
    // the timeline does not render its rows again.
    await useTimeline.getState().loadNewer(api);
    expect(useTimeline.getState().messages).toBe(opened);
    expect(useTimeline.getState().hasNewer).toBe(false);

    chat.count = 5;
    await useTimeline.getState().loadNewer(api);
    expect(useTimeline.getState().messages.map((m) => m.id)).toEqual(['1', '2', '3', '4', '5']);
  });
});
