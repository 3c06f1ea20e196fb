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
      {/* Made only while open: its form (date inputs above all) is costly to build, and building
          it with every conversation opened would slow down the opening. */}
      {exporting ? (
        <ExportDialog conversation={conversation} onClose={() => setExporting(false)} />
      ) : null}
    </div>
  );
}
