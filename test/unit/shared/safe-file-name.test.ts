import { describe, expect, it } from 'vitest';
import {
  fileNameKey,
  numberedFileName,
  safeFileName,
  safeFileNameWithSuffix,
  safeRelativePath,
} from '../../../src/shared/safe-file-name';

const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('safeFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(safeFileName('WhatsApp Chat with Ana.zip')).toBe('WhatsApp Chat with Ana.zip');
    expect(safeFileName('家人群 聊天记录.json')).toBe('家人群 聊天记录.json');
  });

  it('cannot name a parent folder or a path', () => {
    expect(safeFileName('../x')).toBe('.._x');
    expect(safeFileName('..')).toBe('unnamed');
    expect(safeFileName('/etc/passwd')).toBe('_etc_passwd');
    expect(safeFileName('C:\\Windows\\win.ini')).toBe('C__Windows_win.ini');
  });

  it('replaces characters Windows forbids and control characters', () => {
    expect(safeFileName('a:b<c>d"e|f?g*h')).toBe('a_b_c_d_e_f_g_h');
    expect(safeFileName('tab\there\u0000nul')).toBe('tab_here_nul');
  });

  it('avoids reserved device names, with or without an extension', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('com1.txt')).toBe('_com1.txt');
    expect(safeFileName('console.txt')).toBe('console.txt');
  });

  it('drops trailing dots and spaces', () => {
    expect(safeFileName('notes. . ')).toBe('notes');
  });

  it('falls back when nothing is left', () => {
    expect(safeFileName('', 'upload')).toBe('upload');
    expect(safeFileName(' ... ', 'upload')).toBe('upload');
  });

  it('cuts long names to 200 bytes, keeping the extension and whole characters', () => {
    const long = safeFileName(`${'聊'.repeat(300)}.json`);
    expect(bytes(long)).toBeLessThanOrEqual(200);
    expect(long.endsWith('.json')).toBe(true);
    expect(long).not.toContain('\uFFFD');
  });
});

describe('safeFileName, more hostile names', () => {
  it('treats device names followed by spaces, dots or a second extension as reserved', () => {
    expect(safeFileName('NUL .txt')).toBe('_NUL .txt');
    expect(safeFileName('aux.tar.gz')).toBe('_aux.tar.gz');
    expect(safeFileName('CONIN$')).toBe('_CONIN$');
    expect(safeFileName('lpt¹')).toBe('_lpt¹');
    expect(safeFileName('Lpt9.log')).toBe('_Lpt9.log');
    expect(safeFileName('nullable.txt')).toBe('nullable.txt');
  });

  it('drops direction marks that could disguise an extension', () => {
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(safeFileName('\u200Ephoto.jpg')).toBe('photo.jpg');
  });

  it('keeps the joiners of emoji sequences and scripts', () => {
    expect(safeFileName('Family 👨\u200D👩\u200D👧.txt')).toBe('Family 👨\u200D👩\u200D👧.txt');
    expect(safeFileName('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });

  it('replaces C1 control characters too', () => {
    expect(safeFileName('a\u0085b\u009fc')).toBe('a_b_c');
  });

  it('keeps a 300-character name of 4-byte characters within 200 bytes', () => {
    const name = safeFileName(`${'😀'.repeat(300)}.png`);
    expect(bytes(name)).toBeLessThanOrEqual(200);
    expect(name.endsWith('.png')).toBe(true);
    expect([...name.slice(0, -4)].every((char) => char === '😀')).toBe(true);
  });
});

describe('numberedFileName', () => {
  it('leaves the first attempt alone and numbers the next before the extension', () => {
    expect(numberedFileName('Ana.zip', 1)).toBe('Ana.zip');
    expect(numberedFileName('Ana.zip', 2)).toBe('Ana (2).zip');
    expect(numberedFileName('Ana', 12)).toBe('Ana (12)');
    expect(numberedFileName('.hidden', 3)).toBe('.hidden (3)');
  });

  it('stays within 200 bytes for a name that already used them all', () => {
    const full = safeFileName(`${'聊'.repeat(100)}.json`);
    const numbered = numberedFileName(full, 1234);
    expect(bytes(numbered)).toBeLessThanOrEqual(200);
    expect(numbered.endsWith(' (1234).json')).toBe(true);
  });
});

describe('safeFileNameWithSuffix', () => {
  it('keeps a long suffix whole and cuts the title instead', () => {
    const name = safeFileNameWithSuffix('家'.repeat(200), '.chatlab.jsonl', 'chat');
    expect(name.endsWith('.chatlab.jsonl')).toBe(true);
    expect(bytes(name)).toBeLessThanOrEqual(200);
    expect(safeFileNameWithSuffix('CON', '.txt')).toBe('_CON.txt');
    expect(safeFileNameWithSuffix('a/b', '.txt')).toBe('a_b.txt');
    expect(safeFileNameWithSuffix('...', '.txt', 'chat')).toBe('chat.txt');
  });
});

describe('fileNameKey', () => {
  it('makes names that one file system would confuse equal', () => {
    expect(fileNameKey('Photo.JPG')).toBe(fileNameKey('photo.jpg'));
    expect(fileNameKey('Cafe\u0301')).toBe(fileNameKey('Café'));
    expect(fileNameKey('a.txt')).not.toBe(fileNameKey('b.txt'));
  });
});

describe('safeRelativePath', () => {
  it('never climbs out and never starts at a root or a drive', () => {
    expect(safeRelativePath('../../etc/passwd')).toEqual(['etc', 'passwd']);
    expect(safeRelativePath('/etc/passwd')).toEqual(['etc', 'passwd']);
    expect(safeRelativePath('C:\\Windows\\win.ini')).toEqual(['C_', 'Windows', 'win.ini']);
    expect(safeRelativePath('a/./b/../c')).toEqual(['a', 'b', 'c']);
    expect(safeRelativePath('\\\\server\\share\\x')).toEqual(['server', 'share', 'x']);
    expect(safeRelativePath('. ./\u200E../x')).toEqual(['x']);
  });

  it('makes each level safe', () => {
    expect(safeRelativePath('media/CON/a:b?.jpg')).toEqual(['media', '_CON', 'a_b_.jpg']);
  });

  it('names nothing for a path of only dots and separators', () => {
    expect(safeRelativePath('../../')).toEqual([]);
    expect(safeRelativePath('')).toEqual([]);
  });

  it('keeps at most 32 levels, joining deeper ones into the last', () => {
    const levels = safeRelativePath(Array.from({ length: 40 }, (_, i) => `d${i}`).join('/'));
    expect(levels).toHaveLength(32);
    expect(levels.at(-1)).toBe('d31_d32_d33_d34_d35_d36_d37_d38_d39');
  });
});
