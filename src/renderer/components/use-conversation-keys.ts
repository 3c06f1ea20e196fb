import { useEffect } from 'react';
import type { ConversationSummary } from '../../shared/contract';

/**
 * Alt+ArrowUp and Alt+ArrowDown open the previous and next conversation of the list as shown
 * (filters applied), wherever the focus is. In the list itself, plain arrows do the same.
 */
export function useConversationKeys(
  shown: readonly ConversationSummary[],
  selectedId: string | null,
  select: (id: string) => void,
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      const index = shown.findIndex((conversation) => conversation.id === selectedId);
      const target =
        event.key === 'ArrowDown'
          ? Math.min(index + 1, shown.length - 1)
          : Math.max(index === -1 ? 0 : index - 1, 0);
      const next = shown[target];
      if (next === undefined) return;
      event.preventDefault();
      // The list brings the new selection into view itself.
      select(next.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, selectedId, select]);
}
