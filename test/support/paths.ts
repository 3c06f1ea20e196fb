import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const outMain = path.join(repoRoot, 'out/main');
export const workersDir = outMain;
export const cliPath = path.join(outMain, 'cli.mjs');
export const fixturesDir = path.resolve(repoRoot, '../shared/fixtures');
