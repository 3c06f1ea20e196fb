import { useTranslation } from 'react-i18next';
import { useVault } from '../store/vault-store';

/** Whether the import folder is being watched, and which one; or why it is not. */
export function WatchFolderStatus() {
  const { t } = useTranslation();
  const folder = useVault((state) => state.settings?.importFolder ?? null);
  if (folder === null) {
    return <p className="watch-status watch-none">{t('watch.none')}</p>;
  }
  const state = folder.error !== null ? 'failed' : folder.watching ? 'watching' : 'starting';
  return (
    <p className={`watch-status watch-${state}`} role="status" title={folder.error ?? folder.path}>
      <span className="watch-dot" aria-hidden="true" />
      <span className="watch-text">
        {t(`watch.${state}`)} <code dir="auto">{folder.path}</code>
      </span>
      {folder.error === null ? null : <span className="watch-error">{folder.error}</span>}
    </p>
  );
}
