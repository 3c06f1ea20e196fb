import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';

/**
 * The timeline's translations, handed to its rows through context: one `useTranslation` for the
 * whole timeline instead of one (with its own language subscription) per row on screen.
 */
export type TimelineText = Readonly<{ t: TFunction; language: string }>;

export const TimelineTextContext = createContext<TimelineText | null>(null);

export function useTimelineText(): TimelineText {
  const text = useContext(TimelineTextContext);
  if (text === null) throw new Error('useTimelineText outside the Timeline');
  return text;
}
