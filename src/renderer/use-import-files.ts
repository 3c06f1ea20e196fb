import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from './host-context';
import { useVault } from './store/vault-store';

/** Hands files to the engine and turns a failure into a notice the person can read. */
export function useImportFiles(): (files: readonly File[]) => Promise<void> {
  const host = useHost();
  const { t } = useTranslation();
  const notify = useVault((state) => state.notify);
  return useCallback(
    async (files) => {
      for (const file of files) {
        try {
          await host.importFiles([file]);
        } catch (error) {
          notify(
            t('imports.uploadFailed', {
              name: file.name,
              message: error instanceof Error ? error.message : String(error),
            }),
          );
        }
      }
    },
    [host, notify, t],
  );
}
