import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { storeStream } from '../../../src/main/engine/vault/blob-store';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppAsset } from '../../../src/main/electron/app-protocol';
import { mimeTypeFor } from '../../../src/main/common/static-path';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/electron/security';
import { useTempDirs } from '../../support/temp-dir';

const root = path.resolve('/srv/chat-vault/renderer');
const tempDir = useTempDirs();

describe('resolveAppAsset', () => {
  it('maps the root to index.html', () => {
    expect(resolveAppAsset(root, 'app://chat-vault/')).toBe(path.join(root, 'index.html'));
  });

  it('maps a URL without a path to index.html', () => {
    expect(resolveAppAsset(root, 'app://chat-vault')).toBe(path.join(root, 'index.html'));
  });

  it('maps index.html to itself', () => {
    expect(resolveAppAsset(root, 'app://chat-vault/index.html')).toBe(
      path.join(root, 'index.html'),
    );
  });

  it('maps an asset inside a folder', () => {
    expect(resolveAppAsset(root, 'app://chat-vault/assets/index-abc123.js')).toBe(
      path.join(root, 'assets', 'index-abc123.js'),
    );
  });

  it('ignores the query and the fragment', () => {
    expect(resolveAppAsset(root, 'app://chat-vault/assets/a.css?v=2#x')).toBe(
      path.join(root, 'assets', 'a.css'),
    );
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppAsset(root, 'app://chat-vault/assets/a%20b.png')).toBe(
      path.join(root, 'assets', 'a b.png'),
    );
  });

  it.each([
    ['a plain ..', 'app://chat-vault/../secret'],
    ['a .. inside the path', 'app://chat-vault/assets/../../secret'],
    ['a .. even when it stays inside the folder', 'app://chat-vault/assets/../index.html'],
    ['an encoded .. even when it stays inside', 'app://chat-vault/assets/%2e%2e/index.html'],
    ['a percent-encoded ..', 'app://chat-vault/%2e%2e/secret'],
    ['an upper-case percent-encoded ..', 'app://chat-vault/%2E%2E/%2E%2E/etc/passwd'],
    ['a mixed .%2e', 'app://chat-vault/.%2e/secret'],
    ['an encoded slash', 'app://chat-vault/..%2fsecret'],
    ['a backslash', 'app://chat-vault/..\\secret'],
    ['an encoded backslash', 'app://chat-vault/..%5csecret'],
    ['a NUL byte', 'app://chat-vault/index.html%00.png'],
    ['a doubled slash that makes an absolute path', 'app://chat-vault//etc/passwd'],
    ['an encoded absolute path', 'app://chat-vault/%2fetc%2fpasswd'],
    ['a drive letter', 'app://chat-vault/C:/Windows/win.ini'],
    ['a single-dot segment', 'app://chat-vault/./index.html'],
    ['malformed percent-encoding', 'app://chat-vault/%E0%A4%A'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it('refuses another host', () => {
    expect(resolveAppAsset(root, 'app://evil/index.html')).toBeNull();
  });

  it('refuses an empty host', () => {
    expect(resolveAppAsset(root, 'app:///etc/passwd')).toBeNull();
  });

  it('refuses another scheme', () => {
    expect(resolveAppAsset(root, 'file:///srv/chat-vault/renderer/index.html')).toBeNull();
  });

  it('refuses credentials in the URL', () => {
    expect(resolveAppAsset(root, 'app://user:pw@chat-vault/index.html')).toBeNull();
  });

  it('refuses a port', () => {
    expect(resolveAppAsset(root, 'app://chat-vault:8080/index.html')).toBeNull();
  });

  it('refuses something that is not a URL', () => {
    expect(resolveAppAsset(root, 'index.html')).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('names JavaScript so module scripts load', () => {
    expect(mimeTypeFor('/r/assets/index.js')).toBe('text/javascript; charset=utf-8');
  });

  it('falls back to a download type for an unknown extension', () => {
    expect(mimeTypeFor('/r/file.unknown')).toBe('application/octet-stream');
  });
});

describe('the app:// protocol handler', () => {
  async function rendererWithFiles(): Promise<string> {
    const dir = path.join(await tempDir(), 'renderer');
    await mkdir(path.join(dir, 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Chat Vault</title>');
    await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1);');
    return dir;
  }

  it('serves index.html for the root with its type and the CSP', async () => {
    const handle = createAppProtocolHandler(await rendererWithFiles());
    const response = await handle(new Request('app://chat-vault/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Chat Vault</title>');
  });

  it('serves an asset with its MIME type and nosniff', async () => {
    const handle = createAppProtocolHandler(await rendererWithFiles());
    const response = await handle(new Request('app://chat-vault/assets/app.js'));
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('answers 404 for a missing file', async () => {
    const handle = createAppProtocolHandler(await rendererWithFiles());
    expect((await handle(new Request('app://chat-vault/missing.js'))).status).toBe(404);
  });

  it('answers 404 for a folder', async () => {
    const handle = createAppProtocolHandler(await rendererWithFiles());
    expect((await handle(new Request('app://chat-vault/assets'))).status).toBe(404);
  });

  it('answers 404 for a refused URL, with the CSP still set', async () => {
    const handle = createAppProtocolHandler(await rendererWithFiles());
    const response = await handle(new Request('app://evil/index.html'));
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('does not follow a link that points outside the renderer folder', async () => {
    const dir = await rendererWithFiles();
    const outside = path.join(path.dirname(dir), 'secret.txt');
    await writeFile(outside, 'secret');
    await symlink(outside, path.join(dir, 'assets', 'leak.txt'));
    const handle = createAppProtocolHandler(dir);
    expect((await handle(new Request('app://chat-vault/assets/leak.txt'))).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const handle = createAppProtocolHandler(await rendererWithFiles());
    const response = await handle(new Request('app://chat-vault/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const handle = createAppProtocolHandler(await rendererWithFiles());
    const response = await handle(
      new Request('app://chat-vault/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});

describe('media over the app scheme', () => {
  it('serves a stored file of the vault by hash, and an HTML one only as an inert download', async () => {
    const vault = await tempDir();
    const rendererRoot = await tempDir();
    const stored = await storeStream(
      vault,
      Readable.from([Buffer.from('<script>alert(1)</script>')]),
    );
    const handler = createAppProtocolHandler(rendererRoot, () => vault);
    const image = await handler(new Request(`app://chat-vault/media/${stored.sha256}/photo.png`));
    expect(image.status).toBe(200);
    expect(image.headers.get('Content-Type')).toBe('image/png');
    const page = await handler(new Request(`app://chat-vault/media/${stored.sha256}/page.html`));
    expect(page.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(page.headers.get('Content-Disposition')).toMatch(/^attachment;/u);
    expect(await page.text()).toBe('<script>alert(1)</script>');
    expect(
      (await handler(new Request(`app://chat-vault/media/${'0'.repeat(64)}/a.png`))).status,
    ).toBe(404);
    const noVault = createAppProtocolHandler(rendererRoot);
    expect(
      (await noVault(new Request(`app://chat-vault/media/${stored.sha256}/photo.png`))).status,
    ).toBe(404);
  });
});
