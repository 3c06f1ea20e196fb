import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../shared/contract';
import { formatDay } from '../formatters';
import { ConversationActions } from './ConversationActions';
import { ConversationToolbar } from './navigation/ConversationToolbar';
import { PlatformIcon } from './PlatformIcon';

/**
 * The header of an open conversation: who, where, how many, and over which span of time. Made
 * again only when the conversation changes, not when the panel around it does (as it does once
 * more while a conversation opens, to measure the room its timeline will have).
 */
export const ConversationDetails = memo(function ConversationDetails({
  conversation,
}: Readonly<{ conversation: ConversationSummary }>) {
  const { t, i18n } = useTranslation();
  const span =
    conversation.firstAt === null || conversation.lastAt === null
      ? t('main.noMessages')
      : `${formatDay(conversation.firstAt, i18n.language)} – ${formatDay(conversation.lastAt, i18n.language)}`;
  return (
    <header className="conversation-header">
      <PlatformIcon
        platform={conversation.platform}
        label={t(`platform.${conversation.platform}`)}
      />
      <div className="conversation-heading">
        <h2 id="conversation-title" dir="auto">
          {conversation.title}
        </h2>
        <p className="conversation-meta">
          {t(`platform.${conversation.platform}`)} ·{' '}
          {t('sidebar.messages', { count: conversation.messageCount })} · {span}
        </p>
        <p className="conversation-meta" title={t('main.participants')} dir="auto">
          {conversation.participants.join(', ')}
        </p>
      </div>
      <ConversationToolbar conversation={conversation} />
      <ConversationActions conversation={conversation} />
    </header>
  );
});
