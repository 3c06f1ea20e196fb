/** A one-line progress bar for a terminal: bytes, rate, ETA and messages so far. */
import type { ImportItem } from '../../shared/contract';

const WIDTH = 24;

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit] ?? 'B'}`;
}

export function progressLine(item: ImportItem): string {
  const progress = item.progress;
  if (progress === null || progress.bytesTotal === 0) return `${item.name}: ${item.status}`;
  const fraction = Math.min(1, progress.bytesDone / progress.bytesTotal);
  const filled = Math.round(fraction * WIDTH);
  const eta = progress.etaSeconds === null ? '--' : `${Math.ceil(progress.etaSeconds)}s`;
  return `${item.name} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(fraction * 100).toFixed(0)}% ${formatBytes(progress.bytesDone)}/${formatBytes(progress.bytesTotal)} ${formatBytes(progress.bytesPerSecond)}/s ETA ${eta} ${progress.messages} messages`;
}
