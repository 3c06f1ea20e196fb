import type { ImportItem } from '../../../shared/contract';
import type { Engine } from '../../engine/engine';
import type { Output } from '../output';
import { progressLine } from '../progress-bar';

/** The `--json` report of one import, exactly as the command-line contract states it. */
function reportOf(item: ImportItem): Record<string, unknown> {
  return {
    path: item.path,
    archiveId: item.archiveId,
    format: item.format,
    status: item.status,
    conversations: item.conversations,
    messagesAdded: item.messagesAdded,
    messagesExisting: item.messagesExisting,
    warnings: item.warnings,
    ...(item.error === null ? {} : { error: item.error }),
  };
}

export async function importCommand(
  engine: Engine,
  paths: readonly string[],
  options: Readonly<{ json: boolean; progress: boolean }>,
  out: Output,
): Promise<number> {
  const unsubscribe = options.progress
    ? engine.subscribe((event) => {
        if (event.event === 'import.updated' && event.payload.status === 'importing') {
          process.stderr.write(`\r${progressLine(event.payload)}\u001b[K`);
        }
      })
    : () => false;
  const items = await engine.importAndWait(paths);
  unsubscribe();
  if (options.progress) process.stderr.write('\r\u001b[K');
  if (options.json) {
    out.json({ imports: items.map(reportOf) });
  } else {
    for (const item of items) {
      const counts = `${item.messagesAdded} new, ${item.messagesExisting} already in the vault`;
      out.line(
        `${item.name}: ${item.status} (${counts})${item.archiveId === null ? '' : ` archive ${item.archiveId}`}`,
      );
      for (const warning of item.warnings)
        out.line(`  warning ${warning.code}: ${warning.message}`);
      if (item.error !== null) {
        const where =
          item.error.position === undefined ? '' : ` at ${JSON.stringify(item.error.position)}`;
        out.error(`  ${item.error.code}: ${item.error.message}${where}`);
      }
    }
  }
  return items.some((item) => item.status === 'partial' || item.status === 'failed') ? 1 : 0;
}
