import type { Engine } from '../../engine/engine';
import type { Output } from '../output';

/** Watches the import folder until interrupted, printing each import as it finishes. */
export async function watchCommand(engine: Engine, folder: string, out: Output): Promise<number> {
  const unsubscribe = engine.subscribe((event) => {
    if (event.event !== 'import.updated') return;
    const item = event.payload;
    if (item.status === 'queued' || item.status === 'importing') return;
    out.line(
      `${item.name}: ${item.status} (${item.messagesAdded} new, ${item.messagesExisting} already in the vault)`,
    );
    if (item.error !== null) out.error(`  ${item.error.code}: ${item.error.message}`);
  });
  await engine.watcherReady;
  out.line(
    `Watching ${folder}. Exports saved there are imported once they stop growing. Press Ctrl+C to stop.`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  unsubscribe();
  return 0;
}
