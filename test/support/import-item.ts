import type { ImportItem } from '../../src/shared/contract';
import { queuedImportItem } from '../../src/main/engine/import/import-queue';

/** A freshly queued import item, as the engine reports one. */
export function queuedItem(itemPath: string): ImportItem {
  return { ...queuedImportItem(itemPath, itemPath), name: itemPath };
}
