import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../host-context';
import { useTasks } from '../store/task-store';
import { ArchiveRow } from './ArchiveRow';
import { useModal } from './use-modal';
import { VerifySection } from './VerifySection';

type Props = Readonly<{ open: boolean; onClose: () => void }>;

/** Every imported archive with "Restore…", and "Verify now" with what it found. */
export function VaultDialog({ open, onClose }: Props) {
  const { t } = useTranslation();
  const host = useHost();
  const ref = useModal(open);
  const archives = useTasks((state) => state.archives);
  const loadArchives = useTasks((state) => state.loadArchives);

  useEffect(() => {
    if (open) void loadArchives(host.api);
  }, [open, host, loadArchives]);

  return (
    <dialog
      ref={ref}
      className="settings-dialog task-dialog vault-dialog"
      aria-labelledby="vault-title"
      onClose={onClose}
    >
      <h2 id="vault-title">{t('tasks.archivesTitle')}</h2>
      <p className="field-hint">{t('tasks.archivesLead')}</p>
      {archives.length === 0 ? (
        <p>{t('tasks.noArchives')}</p>
      ) : (
        <ul className="archive-list" aria-label={t('tasks.archivesTitle')}>
          {archives.map((archive) => (
            <ArchiveRow key={archive.id} archive={archive} />
          ))}
        </ul>
      )}
      <VerifySection />
      <footer className="dialog-footer">
        <span />
        <button type="button" className="primary-button" onClick={onClose}>
          {t('tasks.close')}
        </button>
      </footer>
    </dialog>
  );
}
