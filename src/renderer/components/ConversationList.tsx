import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../shared/contract';
import { formatDay } from '../formatters';
import { PlatformIcon } from './PlatformIcon';

type Props = Readonly<{
  conversations: readonly ConversationSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}>;

/** The conversation list as a listbox: arrow keys, Home and End move the selection. */
export function ConversationList({ conversations, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const listRef = useRef<HTMLUListElement>(null);

  const move = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = conversations.findIndex((conversation) => conversation.id === selectedId);
    const last = conversations.length - 1;
    const target =
      event.key === 'ArrowDown'
        ? Math.min(index + 1, last)
        : event.key === 'ArrowUp'
          ? Math.max(index - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const next = target === null ? undefined : conversations[target];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next.id);
    listRef.current
      ?.querySelector(`[data-id="${CSS.escape(next.id)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <ul
      ref={listRef}
      className="conversation-list"
      role="listbox"
      aria-label={t('sidebar.conversations')}
      tabIndex={0}
      onKeyDown={move}
      aria-activedescendant={selectedId === null ? undefined : `conversation-${selectedId}`}
    >
      {conversations.map((conversation) => (
        <li
          key={conversation.id}
          id={`conversation-${conversation.id}`}
          data-id={conversation.id}
          role="option"
          aria-selected={conversation.id === selectedId}
          className="conversation-row"
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
          <span className="conversation-time">
            {conversation.lastAt === null ? '' : formatDay(conversation.lastAt, i18n.language)}
          </span>
        </li>
      ))}
    </ul>
  );
}
