import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../host-context';
import { useVault } from '../../store/vault-store';
import { WatchFolderStatus } from '../WatchFolderStatus';

/**
 * The watched import folder: which it is and whether it is watched; in the desktop app, a button
 * to choose another with the system's folder dialog. A browser shows it only (it cannot pick
 * folders on the machine that runs Chat Vault).
 */
export function ImportFolderField() {
  const { t } = useTranslation();
  const host = useHost();
  const settings = useVault((state) => state.settings);
  const [error, setError] = useState<string | null>(null);
  if (settings === null) return null;
  const choose = host.chooseImportFolder;
  const canChoose = choose !== null && settings.importFolderChangeable;
  const pick = async () => {
    if (choose === null) return;
    setError(null);
    try {
      const folder = await choose();
      if (folder === null) return;
      useVault.setState({
        settings: await host.api.call('settings.update', { importFolder: folder }),
      });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <div className="field">
      <span>{t('settings.importFolder')}</span>
      <WatchFolderStatus />
      {canChoose ? (
        <button type="button" className="secondary-button field-button" onClick={() => void pick()}>
          {t('settings.chooseImportFolder')}
        </button>
      ) : (
        <small className="field-hint">
          {host.kind === 'web' ? t('settings.importFolderWeb') : t('settings.importFolderFixed')}
        </small>
      )}
      {error === null ? null : (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
