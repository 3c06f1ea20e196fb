import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PLATFORMS, type Platform } from '../../shared/platforms';
import iconUrl from '../../../assets/icon.svg';
import { useTranslation } from 'react-i18next';
import { useHost } from '../host-context';
import { useTimeline } from '../store/timeline-store';
import { useVault } from '../store/vault-store';
import { ConversationList } from './ConversationList';
import { ImportButtons } from './ImportButtons';
import { registerSearchTarget } from '../search-focus';
import { useSearch } from '../store/search-store';
import { useConversationKeys } from './use-conversation-keys';
import { WatchFolderStatus } from './WatchFolderStatus';
import { VaultButton } from './VaultButton';

export function Sidebar({ onOpenSettings }: Readonly<{ onOpenSettings: () => void }>) {
  const { t } = useTranslation();
  const conversations = useVault((state) => state.conversations);
  const selectedId = useVault((state) => state.selectedId);
  const filter = useVault((state) => state.filter);
  const setFilter = useVault((state) => state.setFilter);
  const { api } = useHost();
  // The newest page is asked for at once, so the database works while the view is being built.
  const select = useCallback(
    (id: string) => {
      if (useVault.getState().selectedId === id) return;
      void useTimeline.getState().open(api, id);
      useVault.getState().select(id);
    },
    [api],
  );
  const [platform, setPlatform] = useState<Platform | 'all'>('all');
  const filterRef = useRef<HTMLInputElement>(null);

  // Ctrl/Cmd+F opens the message search; while it is closed, this filter is the fallback target.
  useEffect(() => {
    const input = filterRef.current;
    if (input === null) return;
    return registerSearchTarget(input);
  }, []);

  /** The platforms present in the vault, in the usual order (the filter offers only those). */
  const platforms = useMemo(
    () => PLATFORMS.filter((candidate) => conversations.some((c) => c.platform === candidate)),
    [conversations],
  );
  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    return conversations.filter(
      (conversation) =>
        (platform === 'all' || conversation.platform === platform) &&
        (needle === '' || conversation.title.toLocaleLowerCase().includes(needle)),
    );
  }, [conversations, filter, platform]);
  useConversationKeys(shown, selectedId, select);

  return (
    <aside className="sidebar" aria-label={t('sidebar.conversations')}>
      <header className="sidebar-header">
        <img className="app-logo" src={iconUrl} alt="" width={28} height={28} />
        <h1 className="app-name">{t('app.name')}</h1>
        <VaultButton />
        <button
          type="button"
          className="icon-button"
          onClick={onOpenSettings}
          aria-label={t('sidebar.settings')}
          title={t('sidebar.settings')}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Zm8.6 4.9-1.8-.3a7 7 0 0 1-.6 1.5l1 1.5-1.9 1.9-1.5-1a7 7 0 0 1-1.5.6l-.3 1.8h-2.7l-.3-1.8a7 7 0 0 1-1.5-.6l-1.5 1-1.9-1.9 1-1.5a7 7 0 0 1-.6-1.5l-1.8-.3v-2.7l1.8-.3a7 7 0 0 1 .6-1.5l-1-1.5 1.9-1.9 1.5 1a7 7 0 0 1 1.5-.6l.3-1.8h2.7l.3 1.8a7 7 0 0 1 1.5.6l1.5-1 1.9 1.9-1 1.5a7 7 0 0 1 .6 1.5l1.8.3Z" />
          </svg>
        </button>
      </header>
      <button
        type="button"
        className="search-open"
        onClick={() => useSearch.getState().show(null)}
        aria-keyshortcuts="Control+F Meta+F"
      >
        {t('search.open')}
      </button>
      <input
        ref={filterRef}
        className="filter-input"
        type="search"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        placeholder={t('sidebar.filterPlaceholder')}
        aria-label={t('sidebar.filterPlaceholder')}
      />
      {platforms.length > 1 ? (
        <select
          className="platform-filter"
          value={platform}
          onChange={(event) => setPlatform(event.target.value as Platform | 'all')}
          aria-label={t('sidebar.platformFilter')}
        >
          <option value="all">{t('sidebar.allPlatforms')}</option>
          {platforms.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`platform.${candidate}`)}
            </option>
          ))}
        </select>
      ) : null}
      <h2 className="section-title">{t('sidebar.conversations')}</h2>
      {conversations.length === 0 ? (
        <p className="sidebar-hint">{t('sidebar.emptyHint')}</p>
      ) : shown.length === 0 ? (
        <p className="sidebar-hint">{t('sidebar.noMatches', { query: filter })}</p>
      ) : (
        <ConversationList conversations={shown} selectedId={selectedId} onSelect={select} />
      )}
      {conversations.length === 0 ? null : (
        <footer className="sidebar-footer">
          <ImportButtons />
          <WatchFolderStatus />
        </footer>
      )}
    </aside>
  );
}
