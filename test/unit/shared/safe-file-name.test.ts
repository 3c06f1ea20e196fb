import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../src/shared/safe-file-name';

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
