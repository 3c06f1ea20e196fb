import path from 'node:path';
import type { ExportFormat } from '../../../shared/task-contract';
import type { Engine } from '../../engine/engine';
import { exportConversations } from '../../engine/export/export-conversations';
import type { Output } from '../output';
import { terminalTask } from '../terminal-task';

export type ExportCommandOptions = Readonly<{
  to: string;
  format: ExportFormat;
  after: number | null;
  before: number | null;
  media: boolean;
  json: boolean;
  progress: boolean;
  appVersion: string;
  language: 'en' | 'zh-CN';
}>;

/** `export CONVERSATION_ID... --to DIR --format html|txt|json|chatlab`: one folder each. */
export async function exportCommand(
  engine: Engine,
  conversationIds: readonly string[],
  options: ExportCommandOptions,
  out: Output,
): Promise<number> {
  const task = terminalTask(`export ${options.format}`, 'messages', options.progress);
  try {
    const report = await exportConversations({
      vaultDir: engine.vaultDir,
      db: engine.db,
      conversationIds,
      format: options.format,
      destination: path.resolve(options.to),
      after: options.after,
      before: options.before,
      media: options.media,
      generator: `Chat Vault ${options.appVersion}`,
      language: options.language,
      signal: task.signal,
      onProgress: task.progress,
    });
    task.end();
    if (options.json) {
      out.json({
        format: report.format,
        to: report.destination,
        exports: report.written.map((written) => ({
          conversationId: written.conversationId,
          path: written.path,
          messages: written.messages,
          files: written.files,
          bytes: written.bytes,
        })),
        missingMedia: report.missingMedia,
      });
    } else {
      for (const written of report.written) {
        out.line(
          `${written.conversationId ?? ''}: ${written.messages ?? 0} messages → ${written.path} (${written.files} files, ${written.bytes} bytes)`,
        );
      }
      if (report.missingMedia > 0) {
        out.line(
          `${report.missingMedia} stored files were missing from the vault and are marked as such; run "chat-vault verify".`,
        );
      }
    }
    return 0;
  } finally {
    task.end();
  }
}
