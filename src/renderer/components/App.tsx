import { useEffect, useState } from 'react';
import { useHost } from '../host-context';
import { useAppearance } from '../use-appearance';
import { focusSearch } from '../search-focus';
import { useSearch } from '../store/search-store';
import { useTimeline } from '../store/timeline-store';
import { useVault } from '../store/vault-store';
import type { SearchHit } from '../../shared/contract';
import { DropOverlay } from './DropOverlay';
import { ImportPanel } from './ImportPanel';
import { MainPanel } from './MainPanel';
import { MediaViewer } from './media/MediaViewer';
import { Notices } from './Notices';
import { SearchPanel } from './SearchPanel';
import { SettingsDialog } from './SettingsDialog';
import { Sidebar } from './Sidebar';
import { TaskPanel } from './TaskPanel';

export function App() {
  const host = useHost();
  const [settingsOpen, setSettingsOpen] = useState(false);
  useAppearance();

  useEffect(
    () =>
      host.onMenuCommand((command) => {
        if (command === 'open-settings') setSettingsOpen(true);
      }),
    [host],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === ',') {
        event.preventDefault();
        setSettingsOpen(true);
      }
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        if (!useSearch.getState().open) useSearch.getState().show(null);
        else focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const searchOpen = useSearch((state) => state.open);

  return (
    <div className={searchOpen ? 'app with-search' : 'app'}>
      <Sidebar onOpenSettings={() => setSettingsOpen(true)} />
      <MainPanel />
      {searchOpen && <SearchDock />}
      <div className="panel-dock">
        <TaskPanel />
        <ImportPanel />
      </div>
      <Notices />
      <MediaViewer />
      <DropOverlay />
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}

/**
 * The search panel, told which conversation is open. Its own component, so that opening a
 * conversation re-renders this, not the whole app.
 */
function SearchDock() {
  const host = useHost();
  const selectedId = useVault((state) => state.selectedId);
  const selected = useVault((state) =>
    state.conversations.find((conversation) => conversation.id === state.selectedId),
  );

  const openHit = (hit: SearchHit) => {
    if (selectedId !== hit.conversationId) useVault.getState().select(hit.conversationId);
    void useTimeline.getState().openAt(host.api, hit.conversationId, hit.messageId);
  };

  return (
    <SearchPanel
      openConversation={selected === undefined ? null : { id: selected.id, title: selected.title }}
      onOpenHit={openHit}
    />
  );
}
