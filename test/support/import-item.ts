import type { ImportItem } from '../../src/shared/contract';

/** A freshly queued import item, as the engine reports one. */
export function queuedItem(itemPath: string): ImportItem {
  return {
    id: itemPath,
    path: itemPath,
    name: itemPath,
    status: 'queued',
    format: null,
    archiveId: null,
    progress: null,
    conversations: 0,
    messagesAdded: 0,
    messagesExisting: 0,
    warnings: [],
    error: null,
  };
}
