/**
 * The synchronous data interface of the vault: every query the engine runs, by name. The worker
 * serves these; the async client's types are derived from this map, so the two cannot drift.
 */
import type { Database } from 'better-sqlite3';
import { schemaVersion } from '../migrate';
import { alreadyImported, interruptedImports, listArchives } from './archives';
import { listConversations } from './conversations';
import {
  conversationExists,
  listMessages,
  pageMessages,
  type MessagePage,
  type PageRequest,
} from './messages';
import {
  countSearchHits,
  searchMessages,
  searchWithBitmaps,
  type SearchRequest,
} from '../../search/search-messages';
import {
  bitmapsStale,
  buildSearchBitmaps,
  type BitmapPolicy,
} from '../../search/bitmaps/build-bitmaps';
import { searchPartBounds } from '../../search/search-parts';
import type { IdPart } from '../../search/search-sql';
import { blobReferences, integrityCheck, storedBlobs } from './verify';
import { pageAround, type AroundRequest } from './message-around';
import { daysWithMessages, type DaysRequest } from './message-days';
import { countExportMessages, exportConversation, exportPage, replyPreviews } from './export';
import { archiveForRestore } from './restore';

export const queries = {
  schemaVersion: (db: Database) => schemaVersion(db),
  listConversations: (db: Database) => listConversations(db),
  listArchives: (db: Database) => listArchives(db),
  interruptedImports: (db: Database) => interruptedImports(db),
  alreadyImported: (db: Database, source: Parameters<typeof alreadyImported>[1]) =>
    alreadyImported(db, source),
  listMessages: (db: Database, page: MessagePage) => listMessages(db, page),
  conversationExists: (db: Database, id: string) => conversationExists(db, id),
  pageMessages: (db: Database, request: PageRequest) => pageMessages(db, request),
  pageAround: (db: Database, request: AroundRequest) => pageAround(db, request),
  daysWithMessages: (db: Database, request: DaysRequest) => daysWithMessages(db, request),
  storedBlobs: (db: Database) => storedBlobs(db),
  blobReferences: (db: Database, sha256: string) => blobReferences(db, sha256),
  integrityCheck: (db: Database) => integrityCheck(db),
  searchMessages: (db: Database, request: SearchRequest, part?: IdPart) =>
    searchMessages(db, request, part),
  searchWithBitmaps: (db: Database, request: SearchRequest) => searchWithBitmaps(db, request),
  searchBitmapsStale: (db: Database, policy: BitmapPolicy) => bitmapsStale(db, policy),
  buildSearchBitmaps: (db: Database, policy: BitmapPolicy) => buildSearchBitmaps(db, policy),
  countSearchHits: (db: Database, request: SearchRequest, part: IdPart) =>
    countSearchHits(db, request, part),
  searchPartBounds: (db: Database, parts: number) => searchPartBounds(db, parts),
  archiveForRestore: (db: Database, publicId: string) => archiveForRestore(db, publicId),
  exportConversation: (db: Database, id: string) => exportConversation(db, id),
  exportPage: (db: Database, request: Parameters<typeof exportPage>[1]) => exportPage(db, request),
  countExportMessages: (db: Database, request: Parameters<typeof countExportMessages>[1]) =>
    countExportMessages(db, request),
  replyPreviews: (db: Database, conversationId: string, externalIds: readonly string[]) =>
    replyPreviews(db, conversationId, externalIds),
} as const;

export type Queries = typeof queries;
export type QueryName = keyof Queries;
