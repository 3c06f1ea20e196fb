/** A one-line progress bar for a terminal: bytes, rate, ETA and messages so far. */
import type { ImportItem } from '../../shared/contract';
import { formatBytes } from '../../shared/format-bytes';

const WIDTH = 24;

export function progressLine(item: ImportItem): string {
  const progress = item.progress;
  if (progress === null || progress.bytesTotal === 0) return `${item.name}: ${item.status}`;
  const fraction = Math.min(1, progress.bytesDone / progress.bytesTotal);
  const filled = Math.round(fraction * WIDTH);
  const eta = progress.etaSeconds === null ? '--' : `${Math.ceil(progress.etaSeconds)}s`;
  return `${item.name} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(fraction * 100).toFixed(0)}% ${formatBytes(progress.bytesDone)}/${formatBytes(progress.bytesTotal)} ${formatBytes(progress.bytesPerSecond)}/s ETA ${eta} ${progress.messages} messages`;
}
