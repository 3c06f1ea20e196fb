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

/** A one-line progress bar for a restore or export: done of total, rate and ETA. */
export function taskProgressLine(
  label: string,
  done: number,
  total: number,
  unit: 'bytes' | 'messages',
  elapsedSeconds: number,
): string {
  const fraction = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(fraction * WIDTH);
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const eta = rate > 0 ? `${Math.ceil((total - done) / rate)}s` : '--';
  const amount =
    unit === 'bytes'
      ? `${formatBytes(done)}/${formatBytes(total)} ${formatBytes(rate)}/s`
      : `${done}/${total} messages ${Math.round(rate)}/s`;
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(fraction * 100).toFixed(0)}% ${amount} ETA ${eta}`;
}
