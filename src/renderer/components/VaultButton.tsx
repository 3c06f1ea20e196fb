import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VaultDialog } from './VaultDialog';
import '../styles/tasks.css';

/** The sidebar's "Archives and verify" button and its dialog. */
export function VaultButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="icon-button"
        onClick={() => setOpen(true)}
        aria-label={t('tasks.vaultButton')}
        title={t('tasks.vaultButton')}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M4 4h16a1 1 0 0 1 1 1v3a1 1 0 0 1-1 1v10a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V9a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1Zm1 2v1h14V6H5Zm1 3v9h12V9H6Zm3 2h6v2H9v-2Z" />
        </svg>
      </button>
      <VaultDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
