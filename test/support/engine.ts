import { openEngine, type Engine } from '../../src/main/engine/engine';
import { workersDir } from './paths';

/** Opens a real engine (real database worker) on a vault folder. */
export function openTestEngine(vaultDir: string): Promise<Engine> {
  return openEngine({ vaultDir, workersDir, appVersion: '0.0.0-test' });
}
