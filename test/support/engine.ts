import { openEngine, type Engine, type EngineOptions } from '../../src/main/engine/engine';
import { workersDir } from './paths';

/** Opens a real engine (real database worker) on a vault folder. */
export function openTestEngine(
  vaultDir: string,
  options: Omit<EngineOptions, 'vaultDir' | 'workersDir' | 'appVersion'> = {},
): Promise<Engine> {
  return openEngine({ ...options, vaultDir, workersDir, appVersion: '0.0.0-test' });
}
