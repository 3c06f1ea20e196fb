import { useEffect, type RefObject } from 'react';

/** Where typing or a control's own keys must win over the timeline's. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return (
    tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.closest('dialog') !== null
  );
}

/**
 * PageUp and PageDown scroll the timeline by a screen wherever the focus is (the conversation
 * list, the header, the timeline itself), except while typing or inside a dialog.
 */
export function usePageKeys(scrollRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'PageUp' && event.key !== 'PageDown') return;
      if (event.altKey || event.ctrlKey || event.metaKey || isEditable(event.target)) return;
      const element = scrollRef.current;
      if (element === null) return;
      event.preventDefault();
      const page = Math.max(40, element.clientHeight - 60);
      element.scrollBy({ top: event.key === 'PageDown' ? page : -page });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scrollRef]);
}
