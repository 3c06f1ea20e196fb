/**
 * Re-hashes every stored blob and runs SQLite's integrity check; names what is damaged and which
 * archives and conversations it affects.
 */
import type { DbClient } from '../db/client';
import { VaultError } from '../errors';
import { rehashBlob } from '../vault/blob-store';

export type Damage = Readonly<{
  kind: 'blob' | 'database';
  sha256?: string;
  message: string;
  archives: string[];
  conversations: string[];
}>;

export type VerifyReport = Readonly<{ ok: boolean; checked: number; damaged: Damage[] }>;

export async function verifyVault(
  vaultDir: string,
  db: DbClient,
  onProgress?: (checked: number, total: number) => void,
  signal?: AbortSignal,
): Promise<VerifyReport> {
  const damaged: Damage[] = [];
  const integrity = await db.call('integrityCheck');
  if (integrity.length !== 1 || integrity[0] !== 'ok') {
    damaged.push({
      kind: 'database',
      message: `The vault database failed its integrity check: ${integrity.slice(0, 5).join('; ')}`,
      archives: [],
      conversations: [],
    });
  }
  const blobs = await db.call('storedBlobs');
  let checked = 0;
  onProgress?.(0, blobs.length);
  for (const blob of blobs) {
    if (signal?.aborted === true) {
      throw new VaultError(
        'CANCELLED',
        `Verify was cancelled after ${checked} of ${blobs.length} stored files.`,
      );
    }
    const actual = await rehashBlob(vaultDir, blob.sha256);
    checked += 1;
    onProgress?.(checked, blobs.length);
    const problem =
      actual === null
        ? 'is missing from the vault'
        : actual.sha256 !== blob.sha256
          ? `no longer matches its hash (it now hashes to ${actual.sha256})`
          : null;
    if (problem === null) continue;
    const references = await db.call('blobReferences', blob.sha256);
    damaged.push({
      kind: 'blob',
      sha256: blob.sha256,
      message: `Stored file ${blob.sha256} ${problem}.`,
      ...references,
    });
  }
  return { ok: damaged.length === 0, checked, damaged };
}
