import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveStaticPath } from '../../../src/main/common/static-path';

const root = path.resolve('/srv/renderer');

describe('resolveStaticPath', () => {
  it('maps / to index.html and assets inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app-1.js')).toBe(path.join(root, 'assets', 'app-1.js'));
  });

  it('refuses to climb out of the root, however it is spelled', () => {
    for (const attempt of [
      '/../secret',
      '/assets/../../x',
      '/%2e%2e/x',
      '/..%2fx',
      '/assets/..%5c..%5cx',
      '/a%00b',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticPath(root, attempt), attempt).toBeNull();
    }
  });

  it('refuses drive letters and colons in a segment', () => {
    expect(resolveStaticPath(root, '/C:%5cWindows')).toBeNull();
    expect(resolveStaticPath(root, '/a:b')).toBeNull();
  });

  it('refuses empty and dot segments', () => {
    expect(resolveStaticPath(root, '/assets//x.js')).toBeNull();
    expect(resolveStaticPath(root, '/./index.html')).toBeNull();
  });

  it('knows the types the renderer needs', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
