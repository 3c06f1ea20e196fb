/**
 * The `chat-vault` command line: parses arguments (validated, never trusted), opens the vault and
 * runs one command. Returns the exit code instead of exiting, so tests can run it in-process.
 */
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import * as z from 'zod';
import { describeError } from '../engine/errors';
import { openEngine, type Engine } from '../engine/engine';
import { resolveVaultDir } from '../engine/vault/default-vault-dir';
import { archivesCommand } from './commands/archives';
import { conversationsCommand } from './commands/conversations';
import { importCommand } from './commands/import';
import { messagesCommand } from './commands/messages';
import { searchCommand } from './commands/search';
import { verifyCommand } from './commands/verify';
import { exportCommand } from './commands/export';
import { restoreCommand } from './commands/restore';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/task-contract';
import { watchCommand } from './commands/watch';
import { serveCommand } from './commands/serve';
import type { Output } from './output';
import { parseInstant, parseLimit } from './time-option';

export type CliContext = Readonly<{
  appVersion: string;
  /** The folder holding the engine's worker bundles. */
  workersDir: string;
  rendererDir: string;
  env: Readonly<Record<string, string | undefined>>;
  out: Output;
  /** Whether stderr is a terminal (progress bars are drawn only there). */
  isTerminal: boolean;
}>;

const PortSchema = z.coerce.number().int().min(0).max(65535);

function parseFormat(value: string): ExportFormat {
  const format = EXPORT_FORMATS.find((candidate) => candidate === value);
  if (format === undefined)
    throw new InvalidArgumentError(`a format is one of ${EXPORT_FORMATS.join(', ')}.`);
  return format;
}

function parsePort(value: string): number {
  const parsed = PortSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  return parsed.data;
}

export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const { out } = context;
  let exitCode = 0;

  const withEngine = async (
    json: boolean,
    run: (engine: Engine) => Promise<number>,
    engineOptions: Readonly<{
      importFolder?: string;
      startImporter?: boolean;
      searchThreads?: number;
      /** Only the commands that keep running (watch, serve) build the search bitmaps. */
      keepSearchBitmaps?: boolean;
    }> = {},
  ): Promise<void> => {
    /** Any failure: one JSON error document with --json, a line on stderr, exit code 1. */
    const report = (error: unknown): void => {
      const info = describeError(error);
      if (json) out.json({ error: info });
      out.error(`chat-vault: ${info.message}${info.file === undefined ? '' : ` (${info.file})`}`);
      exitCode = 1;
    };
    const vaultOption = program.opts<{ vault?: string }>().vault;
    let engine: Engine;
    try {
      engine = await openEngine({
        vaultDir: resolveVaultDir(vaultOption, process.platform, context.env, os.homedir()),
        workersDir: context.workersDir,
        appVersion: context.appVersion,
        keepSearchBitmaps: false,
        ...engineOptions,
      });
    } catch (error) {
      report(error);
      return;
    }
    try {
      exitCode = await run(engine);
    } catch (error) {
      report(error);
    } finally {
      await engine.close();
    }
  };

  const program = new Command()
    .name('chat-vault')
    .description('Keep exported chat histories safe: import, browse, search and restore them.')
    .version(context.appVersion, '-v, --version')
    .option(
      '--vault <dir>',
      "the vault folder (default: $CHAT_VAULT_DIR, else the desktop app's vault)",
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => out.line(text.trimEnd()),
      writeErr: (text) => out.error(text.trimEnd()),
    })
    .showHelpAfterError();

  program
    .command('conversations')
    .description('list the conversations in the vault')
    .option('--json', 'print one JSON document')
    .action(async (options: { json?: boolean }) => {
      const json = options.json === true;
      await withEngine(json, (engine) => conversationsCommand(engine, { json }, out));
    });

  program
    .command('import')
    .description('import chat exports (files, zips or folders) into the vault')
    .argument('<path...>', 'exports to import')
    .option('--json', 'print one JSON document')
    .action(async (paths: string[], options: { json?: boolean }) => {
      const json = options.json === true;
      await withEngine(
        json,
        (engine) =>
          importCommand(engine, paths, { json, progress: !json && context.isTerminal }, out),
        { startImporter: true },
      );
    });

  program
    .command('archives')
    .description('list the imported archives')
    .option('--json', 'print one JSON document')
    .action(async (options: { json?: boolean }) => {
      const json = options.json === true;
      await withEngine(json, (engine) => archivesCommand(engine, { json }, out));
    });

  program
    .command('messages')
    .description("print a conversation's messages, oldest first")
    .argument('<conversation-id>', 'a conversation id from "conversations"')
    .option('--limit <n>', 'at most this many messages', parseLimit, 1000)
    .option('--after <time>', 'only messages sent at or after this ISO 8601 time', parseInstant)
    .option('--before <time>', 'only messages sent before this ISO 8601 time', parseInstant)
    .option('--json', 'print one JSON document')
    .action(
      async (
        conversationId: string,
        options: { json?: boolean; limit: number; after?: number; before?: number },
      ) => {
        const json = options.json === true;
        await withEngine(json, (engine) =>
          messagesCommand(
            engine,
            conversationId,
            {
              json,
              limit: options.limit,
              after: options.after ?? null,
              before: options.before ?? null,
            },
            out,
          ),
        );
      },
    );

  program
    .command('search')
    .description(
      'search every message, newest first: words, "phrases", -exclude, a OR b, from:, in:, before:, after:, has:media, platform:',
    )
    .argument('<query>', 'what to look for (quote it for the shell)')
    .option('--conversation <id>', 'only in this conversation')
    .option('--sender <name>', 'only messages from senders whose name contains this')
    .option('--after <time>', 'only messages sent at or after this ISO 8601 time', parseInstant)
    .option('--before <time>', 'only messages sent before this ISO 8601 time', parseInstant)
    .option('--limit <n>', 'at most this many hits', parseLimit, 100)
    .option('--relevance', 'best matches first instead of newest first')
    .option('--json', 'print one JSON document')
    .action(
      async (
        query: string,
        options: {
          json?: boolean;
          conversation?: string;
          sender?: string;
          after?: number;
          before?: number;
          limit: number;
          relevance?: boolean;
        },
      ) => {
        const json = options.json === true;
        await withEngine(
          json,
          (engine) =>
            searchCommand(
              engine,
              query,
              {
                json,
                conversationId: options.conversation ?? null,
                sender: options.sender ?? null,
                after: options.after ?? null,
                before: options.before ?? null,
                limit: options.limit,
                relevance: options.relevance === true,
              },
              out,
            ),
          // One search and out: threads started by it would only be waited for at the end.
          { searchThreads: 0 },
        );
      },
    );

  program
    .command('verify')
    .description(
      're-hash every stored file and check the database; exit 1 when anything is damaged',
    )
    .option('--json', 'print one JSON document')
    .action(async (options: { json?: boolean }) => {
      const json = options.json === true;
      await withEngine(json, (engine) => verifyCommand(engine, { json }, out));
    });

  program
    .command('restore')
    .description('rebuild the original files of an archive, byte for byte, in a folder')
    .argument('<archive-id>', 'an archive id from "archives"')
    .requiredOption('--to <dir>', 'the folder to restore into (nothing in it is replaced)')
    .option('--json', 'print one JSON document')
    .action(async (archiveId: string, options: { to: string; json?: boolean }) => {
      const json = options.json === true;
      await withEngine(json, (engine) =>
        restoreCommand(
          engine,
          archiveId,
          { to: options.to, json, progress: !json && context.isTerminal },
          out,
        ),
      );
    });

  program
    .command('export')
    .description('export conversations to a folder as offline HTML, text, JSON or ChatLab JSONL')
    .argument('<conversation-id...>', 'conversation ids from "conversations"')
    .requiredOption('--to <dir>', 'the folder to export into (nothing in it is replaced)')
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, parseFormat)
    .option('--after <time>', 'only messages sent at or after this ISO 8601 time', parseInstant)
    .option('--before <time>', 'only messages sent before this ISO 8601 time', parseInstant)
    .option('--no-media', 'do not copy photos and files beside the export')
    .option('--json', 'print one JSON document')
    .action(
      async (
        conversationIds: string[],
        options: {
          to: string;
          format: ExportFormat;
          after?: number;
          before?: number;
          media: boolean;
          json?: boolean;
        },
      ) => {
        const json = options.json === true;
        const lang = context.env['LC_ALL'] ?? context.env['LANG'] ?? '';
        await withEngine(json, (engine) =>
          exportCommand(
            engine,
            conversationIds,
            {
              to: options.to,
              format: options.format,
              after: options.after ?? null,
              before: options.before ?? null,
              media: options.media,
              json,
              progress: !json && context.isTerminal,
              appVersion: context.appVersion,
              language: lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en',
            },
            out,
          ),
        );
      },
    );

  program
    .command('watch')
    .description('import every export saved into a folder, once it has stopped growing')
    .argument('<dir>', 'the folder to watch (it is only read)')
    .action(async (dir: string) => {
      const folder = path.resolve(dir);
      await withEngine(false, (engine) => watchCommand(engine, folder, out), {
        importFolder: folder,
        keepSearchBitmaps: true,
      });
    });

  program
    .command('serve')
    .description(
      'serve the app to a browser on 127.0.0.1 (prints the address with its access token)',
    )
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 0)
    .action(async (options: { port: number }) => {
      await withEngine(
        false,
        (engine) =>
          serveCommand(engine, { port: options.port, rendererDir: context.rendererDir }, out),
        { keepSearchBitmaps: true },
      );
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return exitCode;
}
