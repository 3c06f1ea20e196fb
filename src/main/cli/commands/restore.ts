import path from 'node:path';
import type { Engine } from '../../engine/engine';
import { restoreArchive } from '../../engine/restore/restore-archive';
import type { Output } from '../output';
import { terminalTask } from '../terminal-task';

/** `restore ARCHIVE_ID --to DIR`: the original files, byte for byte, each checked by SHA-256. */
export async function restoreCommand(
  engine: Engine,
  archiveId: string,
  options: Readonly<{ to: string; json: boolean; progress: boolean }>,
  out: Output,
): Promise<number> {
  const task = terminalTask(archiveId, 'bytes', options.progress);
  try {
    const report = await restoreArchive({
      vaultDir: engine.vaultDir,
      db: engine.db,
      archiveId,
      destination: path.resolve(options.to),
      signal: task.signal,
      onProgress: task.progress,
      hasher: engine.fileHasher,
    });
    task.end();
    if (options.json) out.json(report);
    else {
      out.line(
        `Restored ${report.files.length} ${report.files.length === 1 ? 'file' : 'files'} (${report.bytes} bytes, every SHA-256 checked) to ${report.path}`,
      );
      for (const file of report.files) {
        if (file.originalPath !== undefined)
          out.line(`  ${file.originalPath} was restored as ${file.path} (its name was not safe)`);
      }
    }
    return 0;
  } finally {
    task.end();
  }
}
