import { useTranslation } from 'react-i18next';
import { useVault } from '../store/vault-store';
import { ImportButtons } from './ImportButtons';

const SOURCES = [
  'whatsapp',
  'telegram',
  'discord',
  'meta',
  'slack',
  'line',
  'signal',
  'chatlab',
] as const;

/** First run: what to drop, and where each app hides its export. */
export function EmptyState() {
  const { t } = useTranslation();
  const dir = useVault((state) => state.info?.dir);
  const importFolder = useVault((state) => state.info?.importFolder ?? null);
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <div className="drop-target" aria-hidden="true">
        <svg viewBox="0 0 48 48">
          <path d="M24 6v24m0 0-9-9m9 9 9-9M8 32v6a4 4 0 0 0 4 4h24a4 4 0 0 0 4-4v-6" />
        </svg>
      </div>
      <h2 id="empty-title">{t('empty.title')}</h2>
      <p className="lead">{t('empty.lead')}</p>
      <ImportButtons />
      <h3>{t('empty.whereTitle')}</h3>
      <ul className="source-list">
        {SOURCES.map((source) => (
          <li key={source}>{t(`empty.${source}`)}</li>
        ))}
      </ul>
      {importFolder === null ? null : (
        <p className="vault-location">{t('empty.importFolder', { dir: importFolder })}</p>
      )}
      {dir === undefined ? null : <p className="vault-location">{t('empty.vaultAt', { dir })}</p>}
    </section>
  );
}
