import { useTimeline } from '../../store/timeline-store';

/**
 * When the message at the top of the timeline was sent: where the person is reading. Read from
 * the rendered rows when asked (a click), so scrolling never pays for tracking it.
 */
export function readingPosition(): Date | null {
  const timeline = document.querySelector('.timeline');
  if (timeline === null) return null;
  const top = timeline.getBoundingClientRect().top;
  const rows = [...timeline.querySelectorAll<HTMLElement>('[data-message-id]')];
  const first = rows
    .filter((row) => row.getBoundingClientRect().bottom > top)
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
  const id = first?.dataset['messageId'];
  const message = useTimeline.getState().messages.find((candidate) => candidate.id === id);
  return message === undefined ? null : new Date(message.sentAt);
}
