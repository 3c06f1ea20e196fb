import { useTranslation } from 'react-i18next';
import { useVault } from '../store/vault-store';

/** Messages about things the person did (a failed upload, a folder dropped in a browser). */
export function Notices() {
  const { t } = useTranslation();
  const notices = useVault((state) => state.notices);
  const dismiss = useVault((state) => state.dismissNotice);
  const connection = useVault((state) => state.connection);
  return (
    <div className="notices" aria-live="polite">
      {connection === 'lost' ? (
        <p className="notice notice-error" role="alert">
          {t('connection.lost')}
        </p>
      ) : null}
      {notices.map((notice) => (
        <p key={notice.id} className="notice" role="status">
          <span>{notice.text}</span>
          <button
            type="button"
            className="link-button"
            onClick={() => dismiss(notice.id)}
            aria-label={t('settings.close')}
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
