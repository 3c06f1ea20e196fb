/**
 * What the restore and export commands share on a terminal: a progress bar on stderr (redrawn at
 * most a few times a second) and Ctrl+C cancelling the work cleanly instead of killing it mid-file.
 */
import { taskProgressLine } from './progress-bar';

export type TerminalTask = Readonly<{
  signal: AbortSignal;
  progress: (done: number, total: number) => void;
  end: () => void;
}>;

const REDRAW_MS = 150;

export function terminalTask(
  label: string,
  unit: 'bytes' | 'messages',
  showProgress: boolean,
): TerminalTask {
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  const started = Date.now();
  let lastDraw = 0;
  let ended = false;
  return {
    signal: controller.signal,
    progress(done, total) {
      if (!showProgress || ended) return;
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && done < total) return;
      lastDraw = now;
      const line = taskProgressLine(label, done, total, unit, (now - started) / 1000);
      process.stderr.write(`\r${line}\u001b[K`);
    },
    end() {
      if (ended) return;
      ended = true;
      process.removeListener('SIGINT', onInterrupt);
      if (showProgress) process.stderr.write('\r\u001b[K');
    },
  };
}
