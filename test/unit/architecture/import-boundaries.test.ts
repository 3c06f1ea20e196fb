import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';

// The probes are not files of a tsconfig project, so lint them without type information; the
// boundary rule does not need it.
const eslint = new ESLint({ cwd: repoRoot, overrideConfig: tseslint.configs.disableTypeChecked });

/** The import-boundary messages ESLint reports for `code` placed at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('import boundaries (eslint.config.js)', () => {
  it('keep Node, Electron and UI libraries out of src/shared', async () => {
    for (const source of [
      'node:fs',
      'path',
      'electron',
      'react',
      'better-sqlite3',
      '../main/engine/engine',
    ]) {
      const errors = await boundaryErrors('src/shared/probe.ts', `import '${source}';\n`);
      expect(errors, source).toHaveLength(1);
    }
    expect(
      await boundaryErrors(
        'src/shared/probe.ts',
        "import * as z from 'zod';\nimport './platforms';\n",
      ),
    ).toEqual([]);
  });

  it('allow electron only in src/main/electron', async () => {
    expect(await boundaryErrors('src/main/engine/probe.ts', "import 'electron';\n")).toHaveLength(
      1,
    );
    expect(
      await boundaryErrors('src/main/cli/probe.ts', "import { app } from 'electron';\n"),
    ).toHaveLength(1);
    expect(await boundaryErrors('src/renderer/probe.ts', "import 'electron';\n")).toHaveLength(1);
    expect(await boundaryErrors('src/main/electron/probe.ts', "import 'electron';\n")).toEqual([]);
  });

  it('keep the renderer away from Node and the engine', async () => {
    expect(await boundaryErrors('src/renderer/probe.ts', "import 'node:fs';\n")).toHaveLength(1);
    expect(
      await boundaryErrors('src/renderer/probe.ts', "import '../main/engine/engine';\n"),
    ).toHaveLength(1);
    expect(await boundaryErrors('src/renderer/probe.ts', "import '../shared/contract';\n")).toEqual(
      [],
    );
  });

  it('keep React out of the engine', async () => {
    expect(await boundaryErrors('src/main/engine/probe.ts', "import 'react';\n")).toHaveLength(1);
  });
});
