import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../host-context';
import { useTimeline } from '../store/timeline-store';
import { useVault } from '../store/vault-store';
import { ConversationDetails } from './ConversationDetails';
import { EmptyState } from './EmptyState';
import { Timeline } from './timeline/Timeline';

export function MainPanel() {
  const { t } = useTranslation();
  const conversations = useVault((state) => state.conversations);
  const selectedId = useVault((state) => state.selectedId);
  const selected = conversations.find((conversation) => conversation.id === selectedId);
  const { api } = useHost();
  // The timeline is made once its first page is in, so it starts where that page is to be shown
  // (the newest message, a search hit) rather than laying out rows it would scroll away from.
  const timelineReady = useTimeline(
    (state) => state.loaded && state.conversationId === selectedId && selectedId !== null,
  );

  // The height the timeline will have, taken from the stand-in shown while its page loads, so
  // the timeline lays out the rows for its real height from the start.
  const [viewHeight, setViewHeight] = useState(() => window.innerHeight);
  const measureStandIn = useCallback((element: HTMLDivElement | null) => {
    if (element !== null && element.clientHeight > 0) setViewHeight(element.clientHeight);
  }, []);

  useEffect(() => {
    // The sidebar and a search hit start loading as they select; anything else that selects
    // (or a conversation still to be opened) is loaded here.
    if (selectedId === null || useTimeline.getState().conversationId === selectedId) return;
    void useTimeline.getState().open(api, selectedId);
  }, [api, selectedId]);

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
        // Keyed by the conversation: another one gets a view of its own, header and timeline.
        <div key={selected.id} className="conversation-view">
          <ConversationDetails conversation={selected} />
          {timelineReady ? (
            <Timeline conversationId={selected.id} viewHeight={viewHeight} />
          ) : (
            <div
              ref={measureStandIn}
              className="timeline"
              role="log"
              aria-label={t('timeline.label')}
              aria-busy
            />
          )}
        </div>
      )}
    </main>
  );
}
