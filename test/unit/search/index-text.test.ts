import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  BARRIER,
  FTS_TOKENIZER,
  hasAtoms,
  indexText,
} from '../../../src/main/engine/search/index-text';

/** The tokens FTS5 stores for each text, in order. */
function tokensOf(texts: readonly string[]): string[][] {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = "${FTS_TOKENIZER}");
           CREATE VIRTUAL TABLE v USING fts5vocab (t, 'instance');`);
  const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
  texts.forEach((text, index) => insert.run(index + 1, indexText(text)));
  const rows = db
    .prepare<[], { doc: number; term: string }>('SELECT doc, term FROM v ORDER BY doc, offset')
    .all();
  db.close();
  return texts.map((_text, index) =>
    rows.filter((row) => row.doc === index + 1).map((r) => r.term),
  );
}

describe('indexText', () => {
  it('leaves text without CJK, emoji or symbols as it is', () => {
    const text = 'Hello, wörld 123 (Привет) שלום';
    expect(indexText(text)).toBe(text);
    expect(tokensOf(['Hello — “wörld” ‘x’…'])).toEqual([['hello', 'world', 'x']]);
  });

  it('joins ASCII letters and digits to a CJK neighbour and treats every other ASCII character as a gap', () => {
    for (let code = 0x20; code < 0x7f; code += 1) {
      const char = String.fromCharCode(code);
      const expected = /^[A-Za-z0-9]$/u.test(char) ? `中 ${char} 文` : `中 ${BARRIER} 文`;
      expect(indexText(`中${char}文`), `U+${code.toString(16)}`).toBe(expected);
    }
  });

  it('makes every CJK character a token of its own', () => {
    expect(tokensOf(['我们去吃饭吧', 'ひらがなカタカナ', '한국어'])).toEqual([
      ['我', '们', '去', '吃', '饭', '吧'],
      ['ひ', 'ら', 'が', 'な', 'カ', 'タ', 'カ', 'ナ'],
      ['한', '국', '어'],
    ]);
  });

  it('puts a barrier where spaces or punctuation touch a CJK character', () => {
    expect(tokensOf(['你好，世界', '你好 world', 'hello 世界', '用Python写'])).toEqual([
      ['你', '好', BARRIER, '世', '界'],
      ['你', '好', BARRIER, 'world'],
      ['hello', BARRIER, '世', '界'],
      ['用', 'python', '写'],
    ]);
  });

  it('keeps emoji (with skin tones, flags and joined sequences) as tokens', () => {
    expect(tokensOf(['lol😂😂', '👍🏽 ok', '🇨🇳', '👨‍👩‍👧 family', '❤️x', 'a\u200db'])).toEqual([
      ['lol', '😂', '😂'],
      ['👍', '🏽', BARRIER, 'ok'],
      ['🇨', '🇳'],
      ['👨', '⯒200d', '👩', '⯒200d', '👧', BARRIER, 'family'],
      ['❤', '⯒fe0f', 'x'],
      ['a', 'b'],
    ]);
  });

  it('never lets the text produce a barrier of its own', () => {
    expect(tokensOf([`好${BARRIER}世`])).toEqual([['好', BARRIER, '世']]);
    expect(tokensOf([`${BARRIER}`, '⯒200d'])).toEqual([[], ['200d']]);
  });

  it('tells which text holds atoms', () => {
    expect(hasAtoms('plain words')).toBe(false);
    expect(hasAtoms('naïve – “quotes”')).toBe(false);
    expect(hasAtoms('中')).toBe(true);
    expect(hasAtoms('ok 👍')).toBe(true);
    expect(hasAtoms('25°C')).toBe(true);
  });
});

describe('a phrase of atoms', () => {
  // A seeded generator, so a failure can be replayed.
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }
  const pieces = [
    '中',
    '文',
    '你',
    '好',
    '世',
    '界',
    '日',
    '本',
    'の',
    'カ',
    '😂',
    '👍',
    '🏽',
    ' ',
    '，',
    '。',
    '!',
    '\n',
    '"',
    'a',
    'b',
    'Word',
    '1',
    '、',
    '‍',
    '️',
  ];

  it('hits exactly the messages that contain its characters as a substring', () => {
    const next = random(42);
    const texts = Array.from({ length: 3000 }, () =>
      Array.from(
        { length: 1 + Math.floor(next() * 12) },
        () => pieces[Math.floor(next() * pieces.length)] ?? '',
      ).join(''),
    );
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5 (x, content = '', tokenize = "${FTS_TOKENIZER}")`);
    const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
    texts.forEach((text, index) => insert.run(index + 1, indexText(text)));
    const match = db
      .prepare<[string], number>('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid')
      .pluck();
    const atoms = ['中', '文', '你', '好', '世', '界', '日', '本', 'の', 'カ', '😂', '👍', '🏽'];
    let checked = 0;
    for (let length = 1; length <= 4; length += 1) {
      for (let round = 0; round < 40; round += 1) {
        const term = Array.from(
          { length },
          () => atoms[Math.floor(next() * atoms.length)] ?? '',
        ).join('');
        const expected = texts.flatMap((text, index) => (text.includes(term) ? [index + 1] : []));
        const phrase = `"${indexText(term)}"`;
        expect(match.all(phrase), `query ${term}`).toEqual(expected);
        checked += expected.length;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    db.close();
  });
});
