import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../shared/contract';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/task-contract';
import { useHost } from '../host-context';
import { useTasks } from '../store/task-store';
import { DestinationField } from './DestinationField';
import { useModal } from './use-modal';

type Props = Readonly<{ conversation: ConversationSummary; onClose: () => void }>;

/** A local calendar day (`2024-05-01` from a date input) as the instant it starts, in ISO. */
function dayStart(day: string, plusDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(day);
  if (match === null) return null;
  const [, year, month, date] = match;
  return new Date(Number(year), Number(month) - 1, Number(date) + plusDays).toISOString();
}

/**
 * Export one conversation: format, an optional date range, media or not, and where to. Shown
 * while it is mounted (its owner mounts it to open it).
 */
export function ExportDialog({ conversation, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const ref = useModal(true);
  const defaultDestination = useTasks((state) => state.defaultDestination);
  const applyTask = useTasks((state) => state.apply);
  const [format, setFormat] = useState<ExportFormat>('html');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [media, setMedia] = useState(true);
  /** What the person typed or chose; until then, the engine's default folder. */
  const [chosen, setChosen] = useState<string | null>(null);
  const destination = chosen ?? defaultDestination;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setError(null);
    onClose();
  };

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const { task } = await host.api.call('export.start', {
        conversationIds: [conversation.id],
        format,
        destination: destination.trim(),
        after: dayStart(from),
        before: dayStart(to, 1),
        media,
        language: i18n.language === 'zh-CN' ? 'zh-CN' : 'en',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      applyTask(task);
      close();
    } catch (failure) {
      setError(
        t('tasks.startFailed', {
          message: failure instanceof Error ? failure.message : String(failure),
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="settings-dialog task-dialog"
      aria-labelledby="export-title"
      onClose={close}
    >
      <h2 id="export-title">{t('tasks.exportTitle', { title: conversation.title })}</h2>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <fieldset className="field format-choice">
          <legend>{t('tasks.format')}</legend>
          {EXPORT_FORMATS.map((candidate) => (
            <label key={candidate} className="format-option">
              <input
                type="radio"
                name="format"
                value={candidate}
                checked={format === candidate}
                onChange={() => setFormat(candidate)}
              />
              <span>
                <b>{t(`tasks.formats.${candidate}`)}</b>
                <small>{t(`tasks.formatHints.${candidate}`)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="field date-range">
          <legend>{t('tasks.range')}</legend>
          <label>
            {t('tasks.rangeFrom')}
            <input
              type="date"
              value={from}
              max={to || undefined}
              onChange={(e) => setFrom(e.target.value)}
            />
          </label>
          <label>
            {t('tasks.rangeTo')}
            <input
              type="date"
              value={to}
              min={from || undefined}
              onChange={(e) => setTo(e.target.value)}
            />
          </label>
          <small className="field-hint">{t('tasks.rangeHint')}</small>
        </fieldset>
        <label className="checkbox-field">
          <input type="checkbox" checked={media} onChange={(e) => setMedia(e.target.checked)} />
          {t('tasks.media')}
        </label>
        <DestinationField value={destination} onChange={setChosen} label={t('tasks.destination')} />
        {error === null ? null : (
          <p className="import-error" role="alert">
            {error}
          </p>
        )}
        <footer className="dialog-footer">
          <button type="button" className="secondary-button" onClick={close}>
            {t('tasks.close')}
          </button>
          <button
            type="submit"
            className="primary-button"
            disabled={busy || destination.trim() === ''}
          >
            {t('tasks.start')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
