import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportItem } from '../../shared/contract';
import { formatBytes, formatDuration } from '../formatters';
import { useHost } from '../host-context';
import { useVault } from '../store/vault-store';

/** Error codes with a sentence of their own on what to do (the engine's message says what happened). */
const HINTED = new Set([
  'UNKNOWN_FORMAT',
  'READER_NOT_AVAILABLE',
  'TRUNCATED',
  'INVALID_JSON',
  'INVALID_FORMAT',
  'ZIP_CORRUPT',
  'ZIP_QUOTA',
  'RECORD_TOO_LARGE',
  'CANCELLED',
  'IMPORTER_FAILED',
  'UPLOAD_REFUSED',
]);

function ErrorDetails({ error }: Readonly<{ error: NonNullable<ImportItem['error']> }>) {
  const { t } = useTranslation();
  const where = [
    error.position?.entry === undefined
      ? null
      : t('imports.where.entry', { entry: error.position.entry }),
    error.position?.line === undefined
      ? null
      : t('imports.where.line', { line: error.position.line }),
    error.position?.byte === undefined
      ? null
      : t('imports.where.byte', { byte: error.position.byte }),
  ].filter((part) => part !== null);
  return (
    <div className="import-error" role="alert">
      <p>{error.message}</p>
      {where.length === 0 ? null : <p className="import-where">{where.join(' · ')}</p>}
      <p className="import-hint">
        {t(HINTED.has(error.code) ? `imports.hint.${error.code}` : 'imports.hint.other')}
      </p>
    </div>
  );
}

function Progress({ item }: Readonly<{ item: ImportItem }>) {
  const { t, i18n } = useTranslation();
  const progress = item.progress;
  const known = progress !== null && progress.bytesTotal > 0;
  const percent = known
    ? Math.min(100, Math.floor((progress.bytesDone / progress.bytesTotal) * 100))
    : null;
  return (
    <>
      <progress
        className="import-progress"
        aria-label={t('imports.progressLabel', { name: item.name })}
        {...(known ? { value: progress.bytesDone, max: progress.bytesTotal } : {})}
      />
      {progress === null ? (
        <span className="import-bytes">{t('imports.starting')}</span>
      ) : (
        <>
          <span className="import-bytes">
            {t('imports.bytes', {
              done: formatBytes(progress.bytesDone, i18n.language),
              total: formatBytes(progress.bytesTotal, i18n.language),
              percent: percent ?? 0,
            })}
            {progress.bytesPerSecond > 0
              ? ` · ${t('imports.rate', { rate: formatBytes(progress.bytesPerSecond, i18n.language) })}`
              : ''}
            {progress.etaSeconds === null
              ? ''
              : ` · ${t('imports.eta', { eta: formatDuration(progress.etaSeconds) })}`}
          </span>
          <span className="import-bytes">
            {t('imports.messagesSoFar', { count: progress.messages })}
          </span>
        </>
      )}
    </>
  );
}

function ImportRow({ item }: Readonly<{ item: ImportItem }>) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const cancel = () => void host.api.call('import.cancel', { id: item.id });
  const busy = item.status === 'queued' || item.status === 'importing';
  return (
    <li className={`import-row status-${item.status}`} data-status={item.status}>
      <div className="import-line">
        <span className="import-name" title={item.path} dir="auto">
          {item.name}
        </span>
        <span className="import-status">{t(`imports.status.${item.status}`)}</span>
      </div>
      {item.status === 'importing' ? <Progress item={item} /> : null}
      {item.status === 'queued' ? (
        <span className="import-bytes">{t('imports.queued')}</span>
      ) : null}
      {busy ? null : (
        <span className="import-bytes">
          {item.progress === null || item.progress.bytesTotal === 0
            ? ''
            : `${formatBytes(item.progress.bytesTotal, i18n.language)} · `}
          {item.status === 'failed'
            ? t('imports.nothingAdded')
            : t('imports.counts', { added: item.messagesAdded, existing: item.messagesExisting })}
        </span>
      )}
      {busy ? (
        <button type="button" className="link-button" onClick={cancel}>
          {t('imports.cancel')}
        </button>
      ) : null}
      {item.error === null ? null : <ErrorDetails error={item.error} />}
      {item.warnings.length === 0 ? null : (
        <details className="import-warnings">
          <summary>{t('imports.warnings', { count: item.warnings.length })}</summary>
          <ul>
            {item.warnings.map((warning, index) => (
              <li key={index}>
                {warning.entry === undefined ? '' : `${warning.entry}: `}
                {warning.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/** The import queue: every dropped or chosen item, its progress, and what to do when it failed. */
export function ImportPanel() {
  const { t } = useTranslation();
  const imports = useVault((state) => state.imports);
  const clear = useVault((state) => state.clearFinishedImports);
  const [collapsed, setCollapsed] = useState(false);
  if (imports.length === 0) return null;
  const running = imports.filter((item) => item.status === 'importing').length;
  const waiting = imports.filter((item) => item.status === 'queued').length;
  return (
    <section className="import-panel" aria-label={t('imports.title')}>
      <header>
        <div className="import-heading">
          <h2>{t('imports.title')}</h2>
          {running + waiting === 0 ? null : (
            <span className="import-summary">{t('imports.summary', { running, waiting })}</span>
          )}
        </div>
        <button type="button" className="link-button" onClick={clear}>
          {t('imports.clear')}
        </button>
        <button
          type="button"
          className="link-button"
          aria-expanded={!collapsed}
          onClick={() => setCollapsed((value) => !value)}
        >
          {collapsed ? t('imports.show') : t('imports.hide')}
        </button>
      </header>
      {collapsed ? null : (
        <ul>
          {imports.map((item) => (
            <ImportRow key={item.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
