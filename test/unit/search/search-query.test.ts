import { describe, expect, it } from 'vitest';
import { matchExpression } from '../../../src/main/engine/search/match-expression';
import { parseSearchQuery, SearchQueryError } from '../../../src/main/engine/search/search-query';

const everywhere = { sender: null, conversationIds: null, platform: null, hasMedia: false };
const match = (query: string) =>
  matchExpression(parseSearchQuery(query, { timeZone: 'UTC' }), everywhere);

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
  it('matches words whole, word* as prefixes and quoted phrases in order', () => {
    expect(match('hello')).toBe('text : ("hello")');
    expect(match('hel*')).toBe('text : ("hel"*)');
    expect(match('hello world')).toBe('text : (("hello" AND "world"))');
    expect(match('"hello world"')).toBe('text : ("hello world")');
    expect(match("don't")).toBe('text : ("don\'t")');
    expect(match('*')).toBeNull();
  });

  it('turns CJK and emoji into exact phrases of single characters', () => {
    expect(match('你好')).toBe('text : ("你 好")');
    expect(match('"你好，世界"')).toBe('text : ("你 好 ⯑ 世 界")');
    expect(match('👍')).toBe('text : ("👍")');
  });

  it('joins OR alternatives and excludes -terms', () => {
    expect(match('cat OR dog')).toBe('text : (("cat" OR "dog"))');
    expect(match('pet cat OR dog -fish -"gold fish"')).toBe(
      'text : (("pet" AND ("cat" OR "dog")) NOT "fish" NOT "gold fish")',
    );
    expect(match('a OR b OR c')).toBe('text : (("a" OR "b" OR "c"))');
  });

  it('keeps FTS5 syntax typed by a person as plain text', () => {
    expect(match('NEAR(a')).toBe('text : ("NEAR(a")');
    expect(match('a"b')).toBe('text : ("a""b")');
    expect(match('AND')).toBe('text : ("AND")');
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
    expect(query.groups).toEqual([[{ text: 'hi', phrase: false, prefix: false }]]);
  });

  it('reads dates in the vault time zone', () => {
    const query = parseSearchQuery('after:2024-06-01', { timeZone: 'Asia/Shanghai' });
    expect(query.filters.after).toBe(Date.UTC(2024, 4, 31, 16));
  });

  it('treats a word with a colon that is not a filter as a word', () => {
    expect(match('12:30')).toBe('text : ("12:30")');
    expect(match('https://example.com')).toBe('text : ("https://example.com")');
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

  it('has nothing to match for punctuation alone', () => {
    expect(match(',,, !!')).toBeNull();
  });

  it('turns filters into lookups in the sender and scope columns', () => {
    const query = parseSearchQuery('hi', { timeZone: 'UTC' });
    expect(
      matchExpression(query, {
        sender: 'Ana Maria',
        conversationIds: ['c_ab12', 'c_cd34'],
        platform: 'wechat',
        hasMedia: true,
      }),
    ).toBe(
      'text : ("hi") AND sender : "Ana Maria"* AND scope : ("ccab12" OR "cccd34") AND scope : "pwechat" AND scope : "hasmedia"',
    );
    expect(
      matchExpression(parseSearchQuery('from:小明', { timeZone: 'UTC' }), {
        ...everywhere,
        sender: '小明',
      }),
    ).toBe('sender : "小 明"*');
  });
});
