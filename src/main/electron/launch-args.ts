/**
 * The files a launch asks to import: `chat-vault-desktop export.zip`, "Open with Chat Vault", or a
 * second launch whose arguments the running instance receives. Pure.
 */
import path from 'node:path';
import { MAX_PATHS_PER_IMPORT } from '../../shared/contract';

export type LaunchContext = Readonly<{
  /** The launching process's working directory; relative paths are resolved against it. */
  cwd: string;
  /** From a checkout (`electron . file`) the first argument after the executable is the app itself. */
  isPackaged: boolean;
}>;

/** At most as many paths as one `import.submit` accepts. */
export const MAX_LAUNCH_PATHS = MAX_PATHS_PER_IMPORT;

/**
 * Absolute paths of the files named on a command line: the executable, the app path (from a
 * checkout) and every switch (Chromium adds its own, such as `--original-process-start-time=...`)
 * are dropped.
 */
export function importPathsFromArgv(
  argv: readonly string[],
  { cwd, isPackaged }: LaunchContext,
): string[] {
  const positional = argv.slice(1).filter((arg) => arg !== '' && !arg.startsWith('-'));
  const files = isPackaged ? positional : positional.slice(1);
  return files.slice(0, MAX_LAUNCH_PATHS).map((file) => path.resolve(cwd, file));
}
