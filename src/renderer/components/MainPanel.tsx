import { useTranslation } from 'react-i18next';
import { useVault } from '../store/vault-store';
import { ConversationDetails } from './ConversationDetails';
import { EmptyState } from './EmptyState';
import { Timeline } from './timeline/Timeline';

export function MainPanel() {
  const { t } = useTranslation();
  const conversations = useVault((state) => state.conversations);
  const selectedId = useVault((state) => state.selectedId);
  const selected = conversations.find((conversation) => conversation.id === selectedId);

  return (
    <main className="main-panel">
      {conversations.length === 0 ? (
        <EmptyState />
      ) : selected === undefined ? (
        <section className="choose-state">
          <h2>{t('main.chooseTitle')}</h2>
          <p>{t('main.chooseLead')}</p>
        </section>
      ) : (
        <div className="conversation-view">
          <ConversationDetails key={selected.id} conversation={selected} />
          <Timeline conversationId={selected.id} />
        </div>
      )}
    </main>
  );
}
