import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../shared/contract';
import { formatDateTime } from '../format';
import { PlatformIcon } from './PlatformIcon';

export function ConversationDetails({
  conversation,
}: Readonly<{ conversation: ConversationSummary }>) {
  const { t, i18n } = useTranslation();
  const when = (iso: string | null) =>
    iso === null ? t('main.noMessages') : formatDateTime(iso, i18n.language);
  return (
    <section className="conversation-details" aria-labelledby="conversation-title">
      <header className="conversation-header">
        <PlatformIcon
          platform={conversation.platform}
          label={t(`platform.${conversation.platform}`)}
        />
        <div>
          <h2 id="conversation-title">{conversation.title}</h2>
          <p className="conversation-meta">
            {t(`platform.${conversation.platform}`)} ·{' '}
            {t('sidebar.messages', { count: conversation.messageCount })}
          </p>
        </div>
      </header>
      <dl className="facts">
        <dt>{t('main.firstMessage')}</dt>
        <dd>{when(conversation.firstAt)}</dd>
        <dt>{t('main.lastMessage')}</dt>
        <dd>{when(conversation.lastAt)}</dd>
        <dt>{t('main.participants')}</dt>
        <dd>{conversation.participants.join(', ')}</dd>
      </dl>
    </section>
  );
}
