import { spawnSync } from 'node:child_process';
import { cliPath } from '../../support/paths';

/** Imports exports into a vault with the real command line (before `serve` opens it). */
export function cliImport(vaultDir: string, ...inputs: string[]): void {
  const result = spawnSync(
    process.execPath,
    [cliPath, '--vault', vaultDir, 'import', ...inputs, '--json'],
    { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
  );
  const report = JSON.parse(result.stdout) as { imports: { path: string; status: string }[] };
  const failed = report.imports.filter((item) => item.status !== 'imported');
  if (failed.length > 0)
    throw new Error(`import failed: ${JSON.stringify(failed)}\n${result.stderr}`);
}
