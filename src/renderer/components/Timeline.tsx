import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../shared/contract';
import { useHost } from '../host-context';
import { useTimeline } from '../store/timeline-store';
import { useVault } from '../store/vault-store';
import { Attachment } from './Attachment';
import { senderHue, timelineRows } from './timeline-rows';

/** Loads the next page when the reader is this close to either end (pixels). */
const EDGE = 400;

function MessageRow({ message }: Readonly<{ message: MessageView }>) {
  const { i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(
    new Date(message.sentAt),
  );
  if (message.kind === 'system' || message.kind === 'call') {
    return (
      <p className="message-system">
        {message.text} <time dateTime={message.sentAt}>{time}</time>
      </p>
    );
  }
  const sender = message.sender ?? '';
  return (
    <article className="message">
      <header>
        <span
          className="message-sender"
          style={{ color: `hsl(${senderHue(sender)} 55% var(--sender-lightness))` }}
        >
          {sender}
        </span>
        <time dateTime={message.sentAt}>{time}</time>
      </header>
      {message.text === '' ? null : <p className="message-text">{message.text}</p>}
      {message.attachments.map((attachment, index) => (
        <Attachment key={index} attachment={attachment} />
      ))}
    </article>
  );
}

/** The open conversation, newest at the bottom, virtualized, paged from the vault as it scrolls. */
export function Timeline({ conversationId }: Readonly<{ conversationId: string }>) {
  const { t, i18n } = useTranslation();
  const { api } = useHost();
  const messages = useTimeline((state) => state.messages);
  const hasOlder = useTimeline((state) => state.hasOlder);
  const hasNewer = useTimeline((state) => state.hasNewer);
  const error = useTimeline((state) => state.error);
  const conversations = useVault((state) => state.conversations);
  const rows = useMemo(() => timelineRows(messages), [messages]);
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The message that was at the top before older messages were added above it. */
  const keepInView = useRef<string | null>(null);
  const stickToEnd = useRef(true);

  // TanStack Virtual hands back a mutable instance; nothing here is memoized by the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    overscan: 12,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  useEffect(() => {
    stickToEnd.current = true;
    void useTimeline.getState().open(api, conversationId);
  }, [api, conversationId]);

  // While an import adds to this conversation, follow it if the reader is at the end.
  const messageCount = conversations.find(
    (conversation) => conversation.id === conversationId,
  )?.messageCount;
  useEffect(() => {
    if (messageCount !== undefined && !useTimeline.getState().hasNewer)
      void useTimeline.getState().loadNewer(api);
  }, [api, messageCount]);

  useLayoutEffect(() => {
    if (rows.length === 0) return;
    if (keepInView.current !== null) {
      const index = rows.findIndex((row) => row.key === keepInView.current);
      keepInView.current = null;
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'start' });
    } else if (stickToEnd.current) {
      virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    }
  }, [rows, virtualizer]);

  /** Home and End go to the conversation's true first and last messages, not just the loaded ones. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const atStart = event.key === 'Home';
    stickToEnd.current = !atStart;
    void useTimeline
      .getState()
      .open(api, conversationId, atStart ? 'start' : 'end')
      .then(() => {
        if (atStart) scrollRef.current?.scrollTo({ top: 0 });
      });
  };

  const onScroll = () => {
    const element = scrollRef.current;
    if (element === null) return;
    const fromEnd = element.scrollHeight - element.scrollTop - element.clientHeight;
    stickToEnd.current = fromEnd < 40 && !hasNewer;
    if (element.scrollTop < EDGE && hasOlder) {
      keepInView.current = messages[0]?.id ?? null;
      void useTimeline.getState().loadOlder(api);
    } else if (fromEnd < EDGE && hasNewer) {
      void useTimeline.getState().loadNewer(api);
    }
  };

  return (
    <div
      ref={scrollRef}
      className="timeline"
      tabIndex={0}
      role="log"
      aria-label={t('timeline.label')}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      {error === null ? null : (
        <p className="notice notice-error" role="alert">
          {t('timeline.error', { message: error })}
        </p>
      )}
      <div className="timeline-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="timeline-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row.type === 'day' ? (
                <h3 className="day-separator">
                  {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' }).format(
                    new Date(row.day),
                  )}
                </h3>
              ) : (
                <MessageRow message={row.message} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
