/**
 * The open conversation, newest at the bottom, virtualized: only the rows on screen exist, and the
 * store holds a window of pages that grows at the end the person scrolls towards. Jumps (a reply's
 * original, a date, the first or last message) bring their message into view and mark it.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { formatFullDay } from '../../formatters';
import { useHost } from '../../host-context';
import { useTimeline } from '../../store/timeline-store';
import { useVault } from '../../store/vault-store';
import { MessageRow } from './MessageRow';
import { startOffset } from './start-offset';
import { timelineRows, type TimelineRow } from './timeline-rows';
import { TimelineTextContext } from './timeline-text';
import { usePageKeys } from './use-page-keys';

/** Loads the next page when the reader is this close to either end (pixels). */
const EDGE = 600;
/**
 * Rows made beyond each edge of the view. Scrolling mounts the same rows either way (the list
 * renders as it scrolls); every extra row is made, laid out and measured before a conversation's
 * first paint, which is slowest while the rows' code is still cold (8 rows each side: about 35 ms).
 */
const OVERSCAN_ROWS = 2;
/**
 * The heights rows are taken to have until they are measured: a day separator, a message that
 * shows its sender, one that continues its sender's last (one line of text, measured with the app's
 * styles). The closer they are, the fewer rows are moved once measured, before the first paint.
 */
const ESTIMATED_HEIGHT = { day: 46, withSender: 79, continued: 54 } as const;

function estimatedHeight(row: TimelineRow | undefined): number {
  if (row?.type === 'day') return ESTIMATED_HEIGHT.day;
  return row?.continued === true ? ESTIMATED_HEIGHT.continued : ESTIMATED_HEIGHT.withSender;
}

/** How long a jump's target stays marked. */
const HIGHLIGHT_MS = 2500;

function TimelineEmpty({ importing }: Readonly<{ importing: boolean }>) {
  const { t } = useTranslation();
  return (
    <div className="timeline-empty" role="status">
      <h3>{t('timeline.emptyTitle')}</h3>
      <p>{importing ? t('timeline.emptyImporting') : t('timeline.emptyLead')}</p>
    </div>
  );
}

export function Timeline({
  conversationId,
  viewHeight,
}: Readonly<{
  conversationId: string;
  /** The height the timeline is expected to have, until it is measured. */
  viewHeight: number;
}>) {
  const { t, i18n } = useTranslation();
  const text = useMemo(() => ({ t, language: i18n.language }), [t, i18n.language]);
  const { api } = useHost();
  const messages = useTimeline((state) => state.messages);
  const hasOlder = useTimeline((state) => state.hasOlder);
  const hasNewer = useTimeline((state) => state.hasNewer);
  const loaded = useTimeline((state) => state.loaded);
  const error = useTimeline((state) => state.error);
  const focus = useTimeline((state) => state.focus);
  const importing = useVault((state) =>
    state.imports.some((item) => item.status === 'queued' || item.status === 'importing'),
  );
  const messageCount = useVault(
    (state) =>
      state.conversations.find((conversation) => conversation.id === conversationId)?.messageCount,
  );
  const rows = useMemo(() => timelineRows(messages), [messages]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const estimateSize = (index: number) => estimatedHeight(rows[index]);
  const [highlighted, setHighlighted] = useState<string | null>(null);

  // TanStack Virtual hands back a mutable instance; nothing here is memoized by the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: OVERSCAN_ROWS,
    // Made with its first page in (see MainPanel): it starts at that page's focus, by the estimated
    // sizes, in a view of the expected height, so the first rows laid out are the ones shown.
    initialRect: { width: 0, height: viewHeight },
    initialOffset: () => {
      const { focus } = useTimeline.getState();
      if (focus === null) return 0;
      return startOffset(
        rows.map(estimatedHeight),
        rows.findIndex((row) => row.key === focus.messageId),
        focus.align,
        viewHeight,
      );
    },
    getItemKey: (index) => rows[index]?.key ?? index,
    // Pages added above keep the rows on screen where they are; at the end, new messages follow.
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 48,
  });

  // While an import adds to this conversation, load what it added if the end is loaded. The page
  // the timeline starts with was just read, so at first only a running import can have added to
  // it (asking anyway cost a round trip in the first paint's work, and held back older pages).
  const countSeen = useRef<number | undefined>(undefined);
  useEffect(() => {
    const first = countSeen.current === undefined;
    if (messageCount === undefined || messageCount === countSeen.current) return;
    countSeen.current = messageCount;
    if (first && !importing) return;
    if (!useTimeline.getState().hasNewer) void useTimeline.getState().loadNewer(api);
    // Only a new count asks; an import starting or ending alone does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, messageCount]);

  // A jump: bring its message into view once its rows exist, and mark it for a moment.
  useLayoutEffect(() => {
    if (focus === null) return;
    const index = rows.findIndex((row) => row.key === focus.messageId);
    if (index < 0) return;
    // The first message of the conversation shows its day too.
    const atTop = focus.align === 'start' && index <= 1 && !useTimeline.getState().hasOlder;
    virtualizer.scrollToIndex(atTop ? 0 : index, { align: focus.align });
    if (!focus.highlight) return;
    setHighlighted(focus.messageId);
    const timer = setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
    // Only a new focus scrolls; rows arriving later must not pull the reader back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus]);

  const onJump = useCallback(
    (messageId: string) => void useTimeline.getState().showMessage(api, messageId),
    [api],
  );

  usePageKeys(scrollRef);

  /** Home and End go to the conversation's true first and last messages, not just the loaded ones. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    void useTimeline.getState().open(api, conversationId, event.key === 'Home' ? 'start' : 'end');
  };

  const onScroll = () => {
    const element = scrollRef.current;
    if (element === null) return;
    const fromEnd = element.scrollHeight - element.scrollTop - element.clientHeight;
    if (element.scrollTop < EDGE && hasOlder) void useTimeline.getState().loadOlder(api);
    else if (fromEnd < EDGE && hasNewer) void useTimeline.getState().loadNewer(api);
  };

  return (
    <TimelineTextContext.Provider value={text}>
      <div
        ref={scrollRef}
        className="timeline"
        tabIndex={0}
        role="log"
        aria-label={t('timeline.label')}
        aria-busy={!loaded}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        {error === null ? null : (
          <div className="notice notice-error timeline-error" role="alert">
            <span>{t('timeline.error', { message: error })}</span>
            <button
              type="button"
              className="link-button"
              onClick={() => void useTimeline.getState().open(api, conversationId)}
            >
              {t('timeline.retry')}
            </button>
          </div>
        )}
        {loaded && error === null && messages.length === 0 ? (
          <TimelineEmpty importing={importing} />
        ) : null}
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
                    <span>{formatFullDay(row.day, i18n.language)}</span>
                  </h3>
                ) : (
                  <MessageRow
                    message={row.message}
                    continued={row.continued}
                    highlighted={highlighted === row.message.id}
                    onJump={onJump}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </TimelineTextContext.Provider>
  );
}
