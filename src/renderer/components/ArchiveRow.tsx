import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveSummary } from '../../shared/task-contract';
import { formatBytes, formatDay } from '../formatters';
import { useHost } from '../host-context';
import { useTasks } from '../store/task-store';
import { DestinationField } from './DestinationField';

/** One imported archive, and "Restore…": where to, then the restore task. */
export function ArchiveRow({ archive }: Readonly<{ archive: ArchiveSummary }>) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const defaultDestination = useTasks((state) => state.defaultDestination);
  const applyTask = useTasks((state) => state.apply);
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const destination = chosen ?? defaultDestination;
  const [error, setError] = useState<string | null>(null);

  const restore = async () => {
    setError(null);
    try {
      const { task } = await host.api.call('restore.start', {
        archiveId: archive.id,
        destination: destination.trim(),
      });
      applyTask(task);
      setChoosing(false);
    } catch (failure) {
      setError(
        t('tasks.startFailed', {
          message: failure instanceof Error ? failure.message : String(failure),
        }),
      );
    }
  };

  return (
    <li className="archive-row" data-archive={archive.id}>
      <div className="archive-line">
        <div className="archive-text">
          <span className="import-name" title={archive.name}>
            {archive.name}
          </span>
          <span className="import-bytes">
            {t('tasks.archiveMeta', {
              format: archive.format,
              size: formatBytes(archive.bytes, i18n.language),
              date:
                archive.importedAt === null ? '—' : formatDay(archive.importedAt, i18n.language),
            })}
            {archive.status === 'partial' ? ` · ${t('tasks.partial')}` : ''}
          </span>
        </div>
        <button
          type="button"
          className="secondary-button"
          aria-expanded={choosing}
          onClick={() => {
            setChoosing(!choosing);
          }}
        >
          {t('tasks.restore')}
        </button>
      </div>
      {choosing ? (
        <form
          className="restore-form"
          onSubmit={(event) => {
            event.preventDefault();
            void restore();
          }}
        >
          <DestinationField
            value={destination}
            onChange={setChosen}
            label={t('tasks.restoreInto', { name: archive.name })}
          />
          {error === null ? null : (
            <p className="import-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary-button" disabled={destination.trim() === ''}>
            {t('tasks.restoreStart')}
          </button>
        </form>
      ) : null}
    </li>
  );
}
