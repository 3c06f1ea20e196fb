import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../shared/contract';
import { snippetParts } from '../../shared/search-snippet';
import { formatMoment } from '../formatters';
import { useHost } from '../host-context';
import { registerSearchTarget } from '../search-focus';
import { useSearch } from '../store/search-store';
import { PlatformIcon } from './PlatformIcon';
import { filterChips, withoutChip } from './search-chips';

type Props = Readonly<{
  /** The conversation open beside the search, which "This conversation" searches. */
  openConversation: Readonly<{ id: string; title: string }> | null;
  onOpenHit: (hit: SearchHit) => void;
}>;

/** Loads the next page when the reader is this close to the end (rows). */
const MORE_AT = 10;

/**
 * The search box and its hits: results as you type, filters as chips, everywhere or inside the
 * open conversation, newest first or best match; Up/Down move through hits, Enter opens one.
 */
export function SearchPanel({ openConversation, onOpenHit }: Props) {
  const { t, i18n } = useTranslation();
  const { api } = useHost();
  const search = useSearch();
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // The virtualizer keeps its own state between renders, as TanStack Virtual is meant to be used.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: search.hits.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => 72,
    overscan: 8,
    getItemKey: (index) => search.hits[index]?.messageId ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;

  useEffect(() => {
    const input = inputRef.current;
    if (input === null) return;
    input.focus();
    return registerSearchTarget(input);
  }, []);
  const empty = search.hits.length === 0;
  useEffect(() => setActive(0), [empty]);
  useEffect(() => {
    if (lastShown >= search.hits.length - MORE_AT) void search.loadMore(api);
  }, [lastShown, search, api]);

  const open = (index: number) => {
    const hit = search.hits[index];
    if (hit !== undefined) onOpenHit(hit);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const last = search.hits.length - 1;
    if (event.key === 'Escape') {
      event.preventDefault();
      search.hide();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (last < 0) return;
      event.preventDefault();
      const next = Math.max(0, Math.min(last, active + (event.key === 'ArrowDown' ? 1 : -1)));
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(active);
    }
  };

  const chips = filterChips(search.query);

  return (
    <section className="search-panel" aria-label={t('search.title')} onKeyDown={onKeyDown}>
      <div className="search-bar">
        <input
          ref={inputRef}
          type="search"
          className="search-input"
          value={search.query}
          placeholder={t('search.placeholder')}
          aria-label={t('search.title')}
          aria-controls="search-results"
          aria-activedescendant={search.hits.length === 0 ? undefined : `search-hit-${active}`}
          spellCheck={false}
          onChange={(event) => search.setQuery(api, event.target.value)}
        />
        <button type="button" className="search-close" onClick={search.hide}>
          {t('search.close')}
        </button>
      </div>
      <div className="search-options">
        <div role="radiogroup" aria-label={t('search.where')} className="segmented">
          <button
            type="button"
            role="radio"
            aria-checked={search.conversationId === null}
            onClick={() => search.setScope(api, null)}
          >
            {t('search.everywhere')}
          </button>
          {openConversation !== null && (
            <button
              type="button"
              role="radio"
              aria-checked={search.conversationId === openConversation.id}
              onClick={() => search.setScope(api, openConversation.id)}
              title={openConversation.title}
            >
              {t('search.thisConversation')}
            </button>
          )}
        </div>
        <label className="search-order">
          {t('search.order')}{' '}
          <select
            value={search.order}
            onChange={(event) =>
              search.setOrder(api, event.target.value === 'relevance' ? 'relevance' : 'newest')
            }
          >
            <option value="newest">{t('search.newest')}</option>
            <option value="relevance">{t('search.relevance')}</option>
          </select>
        </label>
      </div>
      {chips.length > 0 && (
        <ul className="search-chips" aria-label={t('search.filters')}>
          {chips.map((chip) => (
            <li key={`${chip.start}`} className="chip">
              <span>{chip.text}</span>
              <button
                type="button"
                aria-label={t('search.removeFilter', { filter: chip.text })}
                onClick={() => search.setQuery(api, withoutChip(search.query, chip))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="search-status" role="status" aria-live="polite">
        {search.status === 'searching' && search.hits.length === 0
          ? t('search.searching')
          : search.status === 'error'
            ? search.error
            : search.status === 'done'
              ? t('search.found', { count: search.total })
              : t('search.hint')}
      </p>
      <div className="search-results" id="search-results" ref={listRef} role="listbox">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const hit = search.hits[item.index];
            if (hit === undefined) return null;
            return (
              <div
                key={item.key}
                id={`search-hit-${item.index}`}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="option"
                aria-selected={item.index === active}
                className="search-hit"
                style={{
                  position: 'absolute',
                  top: 0,
                  width: '100%',
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={() => {
                  setActive(item.index);
                  open(item.index);
                }}
              >
                <div className="search-hit-head">
                  <PlatformIcon platform={hit.platform} label={t(`platform.${hit.platform}`)} />
                  <span className="search-hit-conversation">{hit.conversationTitle}</span>
                  <time dateTime={hit.sentAt}>{formatMoment(hit.sentAt, i18n.language)}</time>
                </div>
                <p className="search-hit-snippet" dir="auto">
                  {hit.sender !== null && <strong>{hit.sender}: </strong>}
                  {snippetParts(hit.snippet).map((part, index) =>
                    part.highlight ? (
                      <mark key={index}>{part.text}</mark>
                    ) : (
                      <span key={index}>{part.text}</span>
                    ),
                  )}
                </p>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
