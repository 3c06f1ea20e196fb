import { useTranslation } from 'react-i18next';
import type { ImportItem } from '../../shared/contract';
import { formatBytes } from '../format';
import { useHost } from '../host-context';
import { useVault } from '../store/vault-store';

function useCancelImport(): (id: string) => Promise<void> {
  const host = useHost();
  return async (id) => {
    await host.api.call('import.cancel', { id });
  };
}

function ImportRow({ item }: Readonly<{ item: ImportItem }>) {
  const { t, i18n } = useTranslation();
  const cancel = useCancelImport();
  const busy = item.status === 'queued' || item.status === 'importing';
  const progress = item.progress;
  const done = item.status !== 'queued' && item.status !== 'importing';
  return (
    <li className={`import-row status-${item.status}`} data-status={item.status}>
      <div className="import-line">
        <span className="import-name" title={item.path}>
          {item.name}
        </span>
        <span className="import-status">{t(`imports.status.${item.status}`)}</span>
      </div>
      {busy ? (
        <progress
          className="import-progress"
          aria-label={item.name}
          {...(progress !== null && progress.bytesTotal > 0
            ? { value: progress.bytesDone, max: progress.bytesTotal }
            : {})}
        />
      ) : null}
      {progress === null ? null : (
        <span className="import-bytes">
          {busy
            ? t('imports.progress', {
                done: formatBytes(progress.bytesDone, i18n.language),
                total: formatBytes(progress.bytesTotal, i18n.language),
                rate: formatBytes(progress.bytesPerSecond, i18n.language),
                eta: progress.etaSeconds === null ? '—' : Math.ceil(progress.etaSeconds),
                count: progress.messages,
              })
            : formatBytes(progress.bytesTotal, i18n.language)}
        </span>
      )}
      {done && item.status !== 'failed' ? (
        <span className="import-bytes">
          {t('imports.counts', { added: item.messagesAdded, existing: item.messagesExisting })}
        </span>
      ) : null}
      {busy ? (
        <button type="button" className="link-button" onClick={() => void cancel(item.id)}>
          {t('imports.cancel')}
        </button>
      ) : null}
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
