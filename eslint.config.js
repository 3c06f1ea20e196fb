// Lint rules, including the architecture's import boundaries:
// src/shared imports nothing from Node, the DOM side or Electron; only src/main/electron imports
// `electron`; the renderer reaches the engine only through the contract.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const electronOnlyInShell = {
  name: 'electron',
  message: 'Only src/main/electron may import electron.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'build/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./).*',
              message: 'src/shared is pure: it may import only zod and other src/shared files.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnlyInShell,
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a browser.' })),
          ],
          patterns: [
            {
              regex: '^(better-sqlite3|ws|commander|chokidar)$',
              message: 'Engine libraries stay in src/main.',
            },
            {
              regex: '(^|/)main/',
              message: 'The renderer reaches the engine only through src/shared/contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { regex: '^(react|react-dom)(/|$)|(^|/)renderer/', message: 'The engine knows no UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests of the shell import its pure modules and Electron's types, never Electron itself.
      'no-restricted-imports': [
        'error',
        { paths: [{ ...electronOnlyInShell, allowTypeImports: true }] },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
