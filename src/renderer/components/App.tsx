import { useEffect, useState } from 'react';
import { useHost } from '../host-context';
import { useAppearance } from '../use-appearance';
import { DropOverlay } from './DropOverlay';
import { ImportPanel } from './ImportPanel';
import { MainPanel } from './MainPanel';
import { Notices } from './Notices';
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
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <Sidebar onOpenSettings={() => setSettingsOpen(true)} />
      <MainPanel />
      <div className="panel-dock">
        <TaskPanel />
        <ImportPanel />
      </div>
      <Notices />
      <DropOverlay />
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}
