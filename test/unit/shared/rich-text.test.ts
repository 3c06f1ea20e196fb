import { describe, expect, it } from 'vitest';
import { textRuns } from '../../../src/shared/rich-text';
import { findLinks, safeLink } from '../../../src/shared/safe-link';

const plain = { marks: [], link: null, block: null };

describe('safe links', () => {
  it('offers plain http and https links', () => {
    expect(safeLink('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
    expect(safeLink('HTTP://EXAMPLE.COM:8080/')).toBe('HTTP://EXAMPLE.COM:8080/');
    expect(safeLink('https://[::1]:3000/x')).toBe('https://[::1]:3000/x');
  });

  it('gives a bare domain https', () => {
    expect(safeLink('example.com/page')).toBe('https://example.com/page');
    expect(safeLink('t.me:443/joinchat')).toBe('https://t.me:443/joinchat');
  });

  it('refuses every other scheme', () => {
    for (const target of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'mailto:a@b.c',
      'tg://resolve?domain=x',
      'vbscript:msgbox',
      '//evil.example/',
    ]) {
      expect(safeLink(target), target).toBeNull();
    }
  });

  it('refuses links that disguise where they go', () => {
    expect(safeLink('https://bank.example@evil.example/')).toBeNull();
    expect(safeLink('https://exa\u202emple.com/')).toBeNull();
    expect(safeLink('https://example.com/\u200bpath')).toBeNull();
    expect(safeLink('https://exаmple.com/')).toBeNull(); // a Cyrillic а in the host
    expect(safeLink('https://example.com:port/')).toBeNull();
    expect(safeLink('https:///path-only')).toBeNull();
  });

  it('finds written-out links without the punctuation around them', () => {
    const text = 'See https://example.com/a_(b). Or (http://x.org/y), and javascript:alert(1)';
    expect(
      findLinks(text).map((found) => [text.slice(found.start, found.end), found.link]),
    ).toEqual([
      ['https://example.com/a_(b)', 'https://example.com/a_(b)'],
      ['http://x.org/y', 'http://x.org/y'],
    ]);
  });
});

describe('rich text runs', () => {
  it('leaves unformatted text as one plain run', () => {
    expect(textRuns('hello <img src=x onerror=alert(1)>')).toEqual([
      { text: 'hello <img src=x onerror=alert(1)>', ...plain },
    ]);
  });

  it('cuts text at entity boundaries counted in UTF-16 units, emoji included', () => {
    // "👋 " is three UTF-16 units; "bold" starts at 3.
    const runs = textRuns('👋 bold and italic', [
      { type: 'bold', offset: 3, length: 4 },
      { type: 'italic', offset: 12, length: 6 },
    ]);
    expect(runs).toEqual([
      { text: '👋 ', ...plain },
      { text: 'bold', ...plain, marks: ['bold'] },
      { text: ' and ', ...plain },
      { text: 'italic', ...plain, marks: ['italic'] },
    ]);
  });

  it('combines overlapping formatting', () => {
    const runs = textRuns('abcdef', [
      { type: 'bold', offset: 0, length: 4 },
      { type: 'italic', offset: 2, length: 4 },
    ]);
    expect(runs.map((run) => [run.text, run.marks])).toEqual([
      ['ab', ['bold']],
      ['cd', ['bold', 'italic']],
      ['ef', ['italic']],
    ]);
  });

  it('never splits a surrogate pair, and clamps entities that run past the text', () => {
    const runs = textRuns('a😀b', [{ type: 'bold', offset: 2, length: 50 }]);
    expect(runs.map((run) => run.text)).toEqual(['a', '😀b']);
    expect(runs[1]?.marks).toEqual(['bold']);
  });

  it('links text_link and link entities only to safe targets', () => {
    const text = 'docs and evil and google.com';
    const runs = textRuns(text, [
      { type: 'text_link', offset: 0, length: 4, value: 'https://docs.example/' },
      { type: 'text_link', offset: 9, length: 4, value: 'javascript:alert(1)' },
      { type: 'link', offset: 18, length: 10 },
    ]);
    expect(runs.map((run) => [run.text, run.link])).toEqual([
      ['docs', 'https://docs.example/'],
      [' and ', null],
      ['evil', null],
      [' and ', null],
      ['google.com', 'https://google.com'],
    ]);
  });

  it('links written-out URLs in plain text but not inside code', () => {
    const text = 'go to https://a.example now, not `https://b.example`';
    const codeStart = text.indexOf('`https');
    const runs = textRuns(text, [{ type: 'code', offset: codeStart, length: 19 }]);
    expect(runs.filter((run) => run.link !== null).map((run) => run.text)).toEqual([
      'https://a.example',
    ]);
  });

  it('groups the runs of a code block under one block with its language', () => {
    const text = 'before\nconst a = 1;\nafter';
    const runs = textRuns(text, [
      { type: 'pre', offset: 7, length: 12, value: 'ts' },
      { type: 'bold', offset: 13, length: 1 },
    ]);
    const blocks = runs.map((run) => run.block);
    expect(blocks[0]).toBeNull();
    expect(blocks[1]).toEqual({ type: 'pre', id: 0, language: 'ts' });
    expect(blocks[2]).toEqual(blocks[1]);
    expect(blocks[3]).toEqual(blocks[1]);
    expect(runs.at(-1)).toEqual({ text: '\nafter', ...plain });
  });

  it('treats unknown entity types as plain text', () => {
    expect(textRuns('custom', [{ type: 'custom_emoji', offset: 0, length: 6 }])).toEqual([
      { text: 'custom', ...plain },
    ]);
  });
});
