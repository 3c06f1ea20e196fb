/**
 * Where the files the database worker needs live, from a checkout and in a packaged app.
 *
 * - From a checkout, `node_modules/better-sqlite3` holds the Node build (the tests use it), so the
 *   Electron build is made beside it by `scripts/build-native-electron.mjs`.
 * - Packaged, electron-builder rebuilds `node_modules/better-sqlite3` for Electron and unpacks it
 *   (and the worker) out of `app.asar`, because worker threads cannot load code from inside an asar.
 *   The binding is named by path there, so the worker never needs the `bindings` helper, which
 *   stays inside the asar.
 * No Electron import: the caller passes `app.getAppPath()` and `app.isPackaged`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Relative to the app root; written by `scripts/build-native-electron.mjs`. */
export const ELECTRON_BINDING_FROM_CHECKOUT = path.join(
  'build',
  'native',
  'electron',
  'better_sqlite3.node',
);

const PACKAGED_BINDING = path.join(
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);

/** The same path outside the archive: `.../app.asar/x` becomes `.../app.asar.unpacked/x`. */
export function unpackedPath(file: string): string {
  const parts = file.split(path.sep);
  const index = parts.lastIndexOf('app.asar');
  if (index === -1) return file;
  parts[index] = 'app.asar.unpacked';
  return parts.join(path.sep);
}

/** The folder of the engine's worker scripts (beside the main bundle), outside the asar when packaged. */
export function workersDir(bundleDir: string): string {
  return unpackedPath(bundleDir);
}

export type BindingLocation = Readonly<{
  /** `app.getAppPath()`: the checkout, or `.../resources/app.asar` when packaged. */
  appRoot: string;
  isPackaged: boolean;
  exists?: (file: string) => boolean;
}>;

/**
 * The better-sqlite3 binary built for Electron, or undefined when there is none (from a checkout
 * where `scripts/build-native-electron.mjs` has not run: the database would then fail to open with
 * an ABI mismatch, which `missingBindingHint` explains).
 */
export function electronNativeBinding({
  appRoot,
  isPackaged,
  exists = existsSync,
}: BindingLocation): string | undefined {
  const file = isPackaged
    ? path.join(unpackedPath(appRoot), PACKAGED_BINDING)
    : path.join(appRoot, ELECTRON_BINDING_FROM_CHECKOUT);
  return exists(file) ? file : undefined;
}

/** What to tell a developer whose checkout lacks the Electron build of better-sqlite3. */
export const missingBindingHint =
  'The Electron build of better-sqlite3 is missing. Run `node scripts/build-native-electron.mjs` (`npm start` does it for you).';
