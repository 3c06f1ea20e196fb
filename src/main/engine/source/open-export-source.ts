import type { Detection } from '../detect/format';
import type { ExportSource } from './export-source';
import { openFileSource } from './file-source';
import { openFolderSource } from './folder-source';
import { openZipSource } from './zip-source';

export type SkippedEntry = Readonly<{ name: string; reason: string }>;

/** Opens what was imported the way its detection says it arrived; lists entries it will not use. */
export async function openExportSource(
  inputPath: string,
  container: Extract<Detection, { kind: 'detected' }>['container'],
): Promise<Readonly<{ source: ExportSource; skipped: readonly SkippedEntry[] }>> {
  switch (container) {
    case 'file':
      return { source: await openFileSource(inputPath), skipped: [] };
    case 'zip': {
      const source = await openZipSource(inputPath);
      return { source, skipped: source.skipped };
    }
    case 'folder': {
      const source = await openFolderSource(inputPath);
      return {
        source,
        skipped: source.skipped.map((name) => ({ name, reason: 'it is a symbolic link' })),
      };
    }
  }
}
