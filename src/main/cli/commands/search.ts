import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/search-snippet';
import type { Engine } from '../../engine/engine';
import type { SearchHit, SearchResult } from '../../engine/search/search-messages';
import type { Output } from '../output';

export type SearchOptions = Readonly<{
  json: boolean;
  conversationId: string | null;
  sender: string | null;
  after: number | null;
  before: number | null;
  limit: number;
  relevance: boolean;
}>;

/** Hits are read in pages no bigger than this, up to --limit. */
const PAGE = 200;

export async function searchCommand(
  engine: Engine,
  query: string,
  options: SearchOptions,
  out: Output,
): Promise<number> {
  const hits: SearchHit[] = [];
  let total = 0;
  let cursor: string | null = null;
  while (hits.length < options.limit) {
    const result: SearchResult = await engine.db.call('searchMessages', {
      query,
      conversationId: options.conversationId,
      sender: options.sender,
      after: options.after,
      before: options.before,
      order: options.relevance ? 'relevance' : 'newest',
      limit: Math.min(PAGE, options.limit - hits.length),
      cursor,
      offset: hits.length,
    });
    total = result.total;
    hits.push(...result.hits);
    const more = options.relevance ? result.hits.length > 0 : result.nextCursor !== null;
    if (!more || hits.length >= total) break;
    cursor = result.nextCursor;
  }
  if (options.json) {
    out.json({
      total,
      hits: hits.map(({ messageId, conversationId, sentAt, sender, text, snippet }) => ({
        messageId,
        conversationId,
        sentAt,
        sender,
        text,
        snippet,
      })),
    });
    return 0;
  }
  out.line(
    `${total} ${total === 1 ? 'message' : 'messages'} found${hits.length < total ? `, showing ${hits.length}` : ''}`,
  );
  for (const hit of hits) {
    const snippet = hit.snippet.replaceAll(HIGHLIGHT_START, '[').replaceAll(HIGHLIGHT_END, ']');
    out.line(`${hit.sentAt}  ${hit.conversationTitle}  ${hit.sender ?? '—'}: ${snippet}`);
  }
  return 0;
}
