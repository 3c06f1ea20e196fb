import { useTranslation } from 'react-i18next';
import type { ImportItem } from '../../shared/contract';
import { formatBytes } from '../format';
import { useVault } from '../store/vault-store';

function ImportRow({ item }: Readonly<{ item: ImportItem }>) {
  const { t, i18n } = useTranslation();
  const busy = item.status === 'queued' || item.status === 'checking';
  return (
    <li className={`import-row status-${item.status}`} data-status={item.status}>
      <div className="import-line">
        <span className="import-name" title={item.path}>
          {item.name}
        </span>
        <span className="import-status">{t(`imports.status.${item.status}`)}</span>
      </div>
      {busy ? <progress className="import-progress" aria-label={item.name} /> : null}
      {item.bytes === null ? null : (
        <span className="import-bytes">{formatBytes(item.bytes, i18n.language)}</span>
      )}
      {item.error === null ? null : (
        <p className="import-error" role="alert">
          {item.error.message}
        </p>
      )}
    </li>
  );
}

/** The import queue: every dropped or chosen item, its state, and what to do when it failed. */
export function ImportPanel() {
  const { t } = useTranslation();
  const imports = useVault((state) => state.imports);
  const clear = useVault((state) => state.clearFinishedImports);
  if (imports.length === 0) return null;
  return (
    <section className="import-panel" aria-label={t('imports.title')}>
      <header>
        <h2>{t('imports.title')}</h2>
        <button type="button" className="link-button" onClick={clear}>
          {t('imports.clear')}
        </button>
      </header>
      <ul>
        {imports.map((item) => (
          <ImportRow key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}
