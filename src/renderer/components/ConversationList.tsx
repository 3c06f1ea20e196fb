import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../shared/contract';
import { formatDay } from '../formatters';
import { PlatformIcon } from './PlatformIcon';

type Props = Readonly<{
  conversations: readonly ConversationSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}>;

/** A row's height before it is measured (two lines of text beside a 32 px icon, padded). */
const ROW_ESTIMATE_PX = 54;

const optionId = (conversationId: string): string => `conversation-${conversationId}`;

/**
 * The conversation list as a listbox: arrow keys, Page Up/Down, Home and End move the selection.
 * Virtualized: only the rows in view (and a few beyond) are in the page, so a vault of thousands
 * of chats opens and filters as fast as one of ten.
 */
export function ConversationList({ conversations, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);

  // TanStack Virtual hands back a mutable instance; nothing here is memoized by the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 6,
    getItemKey: (index) => conversations[index]?.id ?? index,
  });

  // A new selection (keys here or anywhere, a search hit) is brought into view; the list does not
  // move when only the order changes, as it does while an import adds to a conversation.
  const shownSelection = useRef<string | null>(null);
  useEffect(() => {
    if (selectedId === shownSelection.current) return;
    shownSelection.current = selectedId;
    const index = conversations.findIndex((conversation) => conversation.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [conversations, selectedId, virtualizer]);

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = conversations.findIndex((conversation) => conversation.id === selectedId);
    const last = conversations.length - 1;
    const page = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_ESTIMATE_PX) - 1,
    );
    const target =
      event.key === 'ArrowDown'
        ? Math.min(index + 1, last)
        : event.key === 'ArrowUp'
          ? Math.max(index - 1, 0)
          : event.key === 'PageDown'
            ? Math.min(index + page, last)
            : event.key === 'PageUp'
              ? Math.max(index - page, 0)
              : event.key === 'Home'
                ? 0
                : event.key === 'End'
                  ? last
                  : null;
    const next = target === null ? undefined : conversations[target];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next.id);
  };

  const items = virtualizer.getVirtualItems();
  const selectedShown =
    selectedId !== null && items.some((item) => conversations[item.index]?.id === selectedId);

  return (
    <div
      ref={scrollRef}
      className="conversation-list"
      role="listbox"
      aria-label={t('sidebar.conversations')}
      tabIndex={0}
      onKeyDown={move}
      aria-activedescendant={selectedShown ? optionId(selectedId) : undefined}
    >
      <div className="conversation-list-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const conversation = conversations[item.index];
          if (conversation === undefined) return null;
          return (
            <ConversationRow
              key={item.key}
              conversation={conversation}
              index={item.index}
              count={conversations.length}
              start={item.start}
              selected={conversation.id === selectedId}
              onSelect={onSelect}
              measure={virtualizer.measureElement}
            />
          );
        })}
      </div>
    </div>
  );
}

type RowProps = Readonly<{
  conversation: ConversationSummary;
  index: number;
  count: number;
  /** Offset from the top of the list, px. */
  start: number;
  selected: boolean;
  onSelect: (id: string) => void;
  measure: (element: Element | null) => void;
}>;

/** One conversation: re-rendered only when it, its place or its selection changes. */
const ConversationRow = memo(function ConversationRow({
  conversation,
  index,
  count,
  start,
  selected,
  onSelect,
  measure,
}: RowProps) {
  const { t, i18n } = useTranslation();
  return (
    <div
      ref={measure}
      data-index={index}
      id={optionId(conversation.id)}
      data-id={conversation.id}
      role="option"
      aria-selected={selected}
      aria-setsize={count}
      aria-posinset={index + 1}
      className="conversation-row"
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onSelect(conversation.id)}
    >
      <PlatformIcon
        platform={conversation.platform}
        label={t(`platform.${conversation.platform}`)}
      />
      <span className="conversation-text">
        <span className="conversation-title">{conversation.title}</span>
        <span className="conversation-meta">
          {conversation.lastMessage === null
            ? t('sidebar.messages', { count: conversation.messageCount })
            : `${conversation.lastMessage.sender === null ? '' : `${conversation.lastMessage.sender}: `}${conversation.lastMessage.text}`}
        </span>
      </span>
      <span className="conversation-side">
        <span className="conversation-time">
          {conversation.lastAt === null ? '' : formatDay(conversation.lastAt, i18n.language)}
        </span>
        {conversation.lastMessage === null ? null : (
          <span
            className="conversation-count"
            title={t('sidebar.messages', { count: conversation.messageCount })}
          >
            {t('sidebar.count', { count: conversation.messageCount })}
          </span>
        )}
      </span>
    </div>
  );
});
