import { execFileSync } from 'node:child_process';
import { repoRoot } from './paths';

/** The engine's tests start the real database worker, so its bundle must be current. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--node', '--quiet'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}
