import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../host-context';
import { useImportFiles } from '../use-import-files';

/** "Import files…" (and "Import folder…" on the desktop): native dialogs, or a file input in a browser. */
export function ImportButtons() {
  const { t } = useTranslation();
  const host = useHost();
  const importFiles = useImportFiles();
  const inputRef = useRef<HTMLInputElement>(null);

  if (host.pick !== null) {
    const pick = host.pick;
    return (
      <div className="import-buttons">
        <button type="button" className="primary-button" onClick={() => void pick('files')}>
          {t('sidebar.importFiles')}
        </button>
        <button type="button" className="secondary-button" onClick={() => void pick('folder')}>
          {t('sidebar.importFolder')}
        </button>
      </div>
    );
  }
  return (
    <div className="import-buttons">
      <button type="button" className="primary-button" onClick={() => inputRef.current?.click()}>
        {t('sidebar.importFiles')}
      </button>
      <input
        ref={inputRef}
        className="visually-hidden"
        type="file"
        multiple
        tabIndex={-1}
        aria-label={t('sidebar.importFiles')}
        data-testid="import-file-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void importFiles(files);
        }}
      />
    </div>
  );
}
