import { describe, expect, it } from 'vitest';
import { matchExpression } from '../../../src/main/engine/search/match-expression';
import { parseSearchQuery, SearchQueryError } from '../../../src/main/engine/search/search-query';

const match = (query: string) => matchExpression(parseSearchQuery(query, { timeZone: 'UTC' }));

function errorOf(query: string): SearchQueryError {
  try {
    parseSearchQuery(query, { timeZone: 'UTC' });
  } catch (error) {
    if (error instanceof SearchQueryError) return error;
    throw error;
  }
  throw new Error(`${query} parsed`);
}

describe('the search language', () => {
  it('matches words as prefixes and quoted phrases as whole words', () => {
    expect(match('hello')).toBe('"hello"*');
    expect(match('hello world')).toBe('("hello"* AND "world"*)');
    expect(match('"hello world"')).toBe('"hello world"');
    expect(match("don't")).toBe('"don\'t"*');
  });

  it('turns CJK and emoji into exact phrases of single characters', () => {
    expect(match('你好')).toBe('"你 好"*');
    expect(match('"你好，世界"')).toBe('"你 好 ⯑ 世 界"');
    expect(match('👍')).toBe('"👍"*');
  });

  it('joins OR alternatives and excludes -terms', () => {
    expect(match('cat OR dog')).toBe('("cat"* OR "dog"*)');
    expect(match('pet cat OR dog -fish -"gold fish"')).toBe(
      '("pet"* AND ("cat"* OR "dog"*)) NOT "fish"* NOT "gold fish"',
    );
    expect(match('a OR b OR c')).toBe('("a"* OR "b"* OR "c"*)');
  });

  it('keeps FTS5 syntax typed by a person as plain text', () => {
    expect(match('NEAR(a')).toBe('"NEAR(a"*');
    expect(match('a"b')).toBe('"a""b"*');
    expect(match('AND')).toBe('"AND"*');
  });

  it('reads filters, with quoted values', () => {
    const query = parseSearchQuery(
      'hi from:"Ana Maria" in:Family platform:WhatsApp has:media after:2024-01 before:2024-03-15',
      { timeZone: 'UTC' },
    );
    expect(query.filters).toEqual({
      from: 'Ana Maria',
      in: 'Family',
      platform: 'whatsapp',
      hasMedia: true,
      after: Date.UTC(2024, 0, 1),
      before: Date.UTC(2024, 2, 15),
    });
    expect(query.groups).toEqual([[{ text: 'hi', phrase: false }]]);
  });

  it('reads dates in the vault time zone', () => {
    const query = parseSearchQuery('after:2024-06-01', { timeZone: 'Asia/Shanghai' });
    expect(query.filters.after).toBe(Date.UTC(2024, 4, 31, 16));
  });

  it('treats a word with a colon that is not a filter as a word', () => {
    expect(match('12:30')).toBe('"12:30"*');
    expect(match('https://example.com')).toBe('"https://example.com"*');
  });

  it('explains what is wrong, and where', () => {
    expect(errorOf('say "hello').message).toMatch(/quote is not closed/u);
    expect(errorOf('say "hello').offset).toBe(4);
    expect(errorOf('OR cat').message).toMatch(/OR needs a word/u);
    expect(errorOf('cat OR').message).toMatch(/OR needs a word/u);
    expect(errorOf('cat OR -dog').message).toMatch(/OR needs a word/u);
    expect(errorOf('-dog').message).toMatch(/cannot consist of -exclusions alone/u);
    expect(errorOf('from:').message).toMatch(/from: needs a value/u);
    expect(errorOf('platform:myspace').message).toMatch(/no platform named "myspace"/u);
    expect(errorOf('has:cats').message).toMatch(/has:media/u);
    expect(errorOf('before:2024-02-30').message).toMatch(/not a date/u);
    expect(errorOf('x after:yesterday').offset).toBe(2);
  });

  it('has nothing to match for punctuation alone or filters alone', () => {
    expect(match(',,, !!')).toBeNull();
    expect(match('from:Ana')).toBeNull();
  });
});
