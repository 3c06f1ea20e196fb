/** The open conversation's navigation: jump to a date, to the first message, to the last. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../shared/contract';
import { useHost } from '../../host-context';
import { useTimeline } from '../../store/timeline-store';
import { readingPosition } from '../timeline/reading-position';
import { DatePicker } from './DatePicker';

function CalendarIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d="M7 2v2H5a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H9V2H7Zm-2 7h14v10H5V9Zm2 2v2h2v-2H7Zm4 0v2h2v-2h-2Zm4 0v2h2v-2h-2Z" />
    </svg>
  );
}

export function ConversationToolbar({
  conversation,
}: Readonly<{ conversation: ConversationSummary }>) {
  const { t } = useTranslation();
  const { api } = useHost();
  /** The calendar is open on this day's month, or closed (null). */
  const [picking, setPicking] = useState<Date | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const hasMessages = conversation.messageCount > 0;

  // A click outside the calendar closes it.
  useEffect(() => {
    if (picking === null) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setPicking(null);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [picking]);

  const open = (at: 'start' | 'end') => void useTimeline.getState().open(api, conversation.id, at);

  /** The day of the message the reader is looking at, else the conversation's last day. */
  const readingDay = (): Date =>
    readingPosition() ?? new Date(conversation.lastAt ?? conversation.firstAt ?? 0);

  return (
    <div className="conversation-toolbar" ref={wrapper}>
      <button
        type="button"
        className="toolbar-button"
        onClick={() => open('start')}
        disabled={!hasMessages}
        title={t('navigation.firstHint')}
      >
        {t('navigation.first')}
      </button>
      <button
        type="button"
        className="toolbar-button"
        onClick={() => open('end')}
        disabled={!hasMessages}
        title={t('navigation.lastHint')}
      >
        {t('navigation.last')}
      </button>
      <button
        ref={button}
        type="button"
        className="toolbar-button"
        aria-expanded={picking !== null}
        aria-haspopup="dialog"
        disabled={!hasMessages}
        onClick={() => setPicking((value) => (value === null ? readingDay() : null))}
      >
        <CalendarIcon />
        {t('navigation.jump')}
      </button>
      {picking !== null ? (
        <DatePicker
          key={conversation.id}
          conversation={conversation}
          initial={picking}
          onClose={() => {
            setPicking(null);
            button.current?.focus();
          }}
          onPick={(day) => {
            setPicking(null);
            void useTimeline.getState().jumpTo(api, { kind: 'time', at: day.toISOString() });
          }}
        />
      ) : null}
    </div>
  );
}
