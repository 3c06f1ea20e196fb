import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../shared/contract';
import { ExportDialog } from './ExportDialog';
import '../styles/tasks.css';

/** What can be done with the open conversation: export it. */
export function ConversationActions({
  conversation,
}: Readonly<{ conversation: ConversationSummary }>) {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  return (
    <div className="conversation-actions">
      <button type="button" className="secondary-button" onClick={() => setExporting(true)}>
        {t('tasks.exportButton')}
      </button>
      <ExportDialog
        conversation={conversation}
        open={exporting}
        onClose={() => setExporting(false)}
      />
    </div>
  );
}
