import type { Migration } from '../migration';
import { migration001Initial } from './001-initial';
import { migration002ArchivesAndMessages } from './002-archives-and-messages';
import { migration003TimeOrderedIds } from './003-time-ordered-ids';
import { migration004SearchBitmaps } from './004-search-bitmaps';

/** Every migration, in order. Append only: a released migration is never changed. */
export const MIGRATIONS: readonly Migration[] = [
  migration001Initial,
  migration002ArchivesAndMessages,
  migration003TimeOrderedIds,
  migration004SearchBitmaps,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
