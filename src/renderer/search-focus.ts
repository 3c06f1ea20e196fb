/**
 * Where Ctrl/Cmd+F puts the focus. One search box registers itself here; until the message search
 * exists, the conversation filter does, so the shortcut always lands in a box that works.
 */
type Focusable = Readonly<{ focus: () => void; select?: () => void }>;

const targets: Focusable[] = [];

/** Registers a box; the newest registered one wins. Returns the function that unregisters it. */
export function registerSearchTarget(target: Focusable): () => void {
  targets.push(target);
  return () => {
    const index = targets.lastIndexOf(target);
    if (index >= 0) targets.splice(index, 1);
  };
}

/** Focuses the search box; false when none is on screen. */
export function focusSearch(): boolean {
  const target = targets.at(-1);
  if (target === undefined) return false;
  target.focus();
  target.select?.();
  return true;
}
