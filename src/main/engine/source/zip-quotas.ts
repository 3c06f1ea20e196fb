/**
 * Limits on what a zip may inflate to, enforced on the bytes actually inflated (declared sizes are
 * never trusted). A zip bomb stops with ZIP_QUOTA; ordinary exports are far below these.
 */
export type ZipQuotas = Readonly<{
  maxEntries: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries read in one import. */
  maxTotalBytes: number;
  /** Inflated / compressed, checked once an entry has inflated past `ratioGraceBytes`. */
  maxRatio: number;
  ratioGraceBytes: number;
}>;

export const DEFAULT_ZIP_QUOTAS: ZipQuotas = {
  maxEntries: 200_000,
  maxEntryBytes: 8 * 1024 ** 3,
  maxTotalBytes: 64 * 1024 ** 3,
  maxRatio: 200,
  ratioGraceBytes: 16 * 1024 ** 2,
};
