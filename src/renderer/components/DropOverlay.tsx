import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../host-context';
import { useVault } from '../store/vault-store';
import { useImportFiles } from '../use-import-files';

const carriesFiles = (event: DragEvent): boolean =>
  event.dataTransfer?.types.includes('Files') ?? false;

/** Drop anywhere: an overlay says what will happen; the drop goes to the import queue. */
export function DropOverlay() {
  const { t } = useTranslation();
  const host = useHost();
  const importFiles = useImportFiles();
  const notify = useVault((state) => state.notify);
  const [active, setActive] = useState(false);

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setActive(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setActive(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      depth = 0;
      setActive(false);
      const transfer = event.dataTransfer;
      if (transfer === null) return;
      const items = [...transfer.items];
      const hasFolder = items.some((item) => item.webkitGetAsEntry()?.isDirectory === true);
      if (hasFolder && host.kind === 'web') notify(t('drop.foldersInBrowser'));
      const files = [...transfer.files].filter(
        (_file, index) =>
          host.kind === 'desktop' || items[index]?.webkitGetAsEntry()?.isDirectory !== true,
      );
      void importFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [host, importFiles, notify, t]);

  if (!active) return null;
  return (
    <div className="drop-overlay" role="presentation">
      <div className="drop-card">
        <h2>{t('drop.title')}</h2>
        <p>{t('drop.lead')}</p>
      </div>
    </div>
  );
}
