import { createHash } from 'node:crypto';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { WebSocket } from 'ws';
import { storeStream } from '../../../src/main/engine/vault/blob-store';
import type { Engine } from '../../../src/main/engine/engine';
import { startWebHost, type WebHost } from '../../../src/main/serve/web-host';
import { openTestEngine } from '../../support/engine';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const running: Array<WebHost | Engine> = [];
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await item.close();
});

async function start(): Promise<{
  host: WebHost;
  engine: Engine;
  vaultDir: string;
  rendererDir: string;
}> {
  const rendererDir = await tempDir();
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const vaultDir = await tempDir();
  const engine = await openTestEngine(vaultDir);
  running.push(engine);
  const host = await startWebHost({ engine, rendererDir, port: 0 });
  running.push(host);
  return { host, engine, vaultDir, rendererDir };
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(
  host: WebHost,
  pathAndQuery: string,
  options: { headers?: Record<string, string>; method?: string; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: pathAndQuery,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function connect(
  host: WebHost,
  query: string,
  origin = `http://127.0.0.1:${host.port}`,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/socket${query}`, { origin });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function ask(socket: WebSocket, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const parsed = JSON.parse(data.toString()) as { type: string };
      if (parsed.type === 'response') {
        socket.off('message', onMessage);
        resolve(parsed);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify(message));
  });
}

describe('web host', () => {
  it('listens on 127.0.0.1 and prints an address carrying its token', async () => {
    const { host } = await start();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
  });

  it('refuses the page without the token', async () => {
    const { host } = await start();
    const reply = await request(host, '/');
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('<title>');
  });

  it('serves the page with the token, a strict CSP and a token cookie for its assets', async () => {
    const { host } = await start();
    const page = await request(host, `/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>t</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe');
    const cookie = String(page.headers['set-cookie']?.[0]).split(';')[0] ?? '';
    expect(cookie).toBe(`chat_vault_token=${host.token}`);
    const asset = await request(host, '/assets/app.js', { headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request(host, '/assets/app.js')).status).toBe(403);
  });

  it('refuses a request whose Host is not this machine', async () => {
    const { host } = await start();
    const reply = await request(host, `/?token=${host.token}`, {
      headers: { host: `attacker.example:${host.port}` },
    });
    expect(reply.status).toBe(400);
  });

  it('does not serve files outside the renderer folder', async () => {
    const { host } = await start();
    const reply = await request(host, `/..%2f..%2fetc%2fpasswd?token=${host.token}`);
    expect(reply.status).toBe(404);
  });

  it('does not follow a link in the renderer folder that points outside it', async () => {
    const { host, rendererDir } = await start();
    const secret = path.join(await tempDir(), 'secret.txt');
    await writeFile(secret, 'private');
    await symlink(secret, path.join(rendererDir, 'assets', 'leak.txt'));
    const reply = await request(host, `/assets/leak.txt?token=${host.token}`);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('private');
  });

  it('serves a stored file by hash to a page with the token, with byte ranges', async () => {
    const { host, vaultDir } = await start();
    const bytes = Buffer.from('0123456789');
    const stored = await storeStream(vaultDir, Readable.from([bytes]));
    const cookie = `chat_vault_token=${host.token}`;
    const whole = await request(host, `/media/${stored.sha256}/clip.mp4`, { headers: { cookie } });
    expect(whole.status).toBe(200);
    expect(whole.body).toBe('0123456789');
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['x-content-type-options']).toBe('nosniff');
    const part = await request(host, `/media/${stored.sha256}/clip.mp4`, {
      headers: { cookie, range: 'bytes=2-4' },
    });
    expect(part.status).toBe(206);
    expect(part.body).toBe('234');
    expect(part.headers['content-range']).toBe('bytes 2-4/10');
    expect((await request(host, `/media/${stored.sha256}/clip.mp4`)).status).toBe(403);
    expect(
      (await request(host, `/media/${'0'.repeat(64)}/clip.mp4`, { headers: { cookie } })).status,
    ).toBe(404);
  });

  it('answers contract requests over the WebSocket', async () => {
    const { host } = await start();
    const socket = await connect(host, `?token=${host.token}`);
    const reply = await ask(socket, {
      type: 'request',
      id: 7,
      method: 'conversations.list',
      params: {},
    });
    expect(reply).toEqual({ type: 'response', id: 7, ok: true, result: [] });
    socket.close();
  });

  it('answers a malformed request with an error envelope, not a crash', async () => {
    const { host } = await start();
    const socket = await connect(host, `?token=${host.token}`);
    const reply = await ask(socket, {
      type: 'request',
      id: 1,
      method: 'import.submit',
      params: { paths: [] },
    });
    expect(reply).toMatchObject({ id: 1, ok: false, error: { code: 'INVALID_PARAMS' } });
    const info = await ask(socket, { type: 'request', id: 2, method: 'vault.info', params: {} });
    expect(info).toMatchObject({ id: 2, ok: true });
    socket.close();
  });

  it('refuses a WebSocket without the token or from another origin', async () => {
    const { host } = await start();
    await expect(connect(host, '')).rejects.toThrow(/403/);
    await expect(connect(host, `?token=${host.token}`, 'https://evil.example')).rejects.toThrow(
      /403/,
    );
  });

  it('pushes import events to connected pages', async () => {
    const { host, vaultDir } = await start();
    const socket = await connect(host, `?token=${host.token}`);
    const events: unknown[] = [];
    socket.on('message', (data: Buffer) => {
      const parsed = JSON.parse(data.toString()) as { type: string };
      if (parsed.type === 'event') events.push(parsed);
    });
    const missing = path.join(vaultDir, 'no-such-export.zip');
    await ask(socket, {
      type: 'request',
      id: 1,
      method: 'import.submit',
      params: { paths: [missing] },
    });
    const updates = () =>
      events.filter((event) => (event as { event: string }).event === 'import.updated');
    await expect
      .poll(() => updates().some((event) => JSON.stringify(event).includes('"status":"failed"')))
      .toBe(true);
    expect(updates().at(-1)).toMatchObject({
      event: 'import.updated',
      payload: { path: missing, status: 'failed', error: { code: 'NOT_FOUND' } },
    });
    socket.close();
  });

  it('imports an upload that carries the token header, under a safe name, then drops the uploaded copy', async () => {
    const { host, engine, vaultDir } = await start();
    const body = '12/31/20, 9:41 PM - Ana: Happy new year!\n';
    const reply = await request(host, '/api/upload', {
      method: 'POST',
      headers: {
        'x-chat-vault-token': host.token,
        'x-chat-vault-file-name': encodeURIComponent('../../聊天.txt'),
      },
      body,
    });
    expect(reply.status).toBe(200);
    const [item] = (JSON.parse(reply.body) as { items: { id: string; path: string }[] }).items;
    expect(path.dirname(path.dirname(item?.path ?? ''))).toBe(path.join(vaultDir, 'incoming'));
    expect(path.basename(item?.path ?? '')).toBe('.._.._聊天.txt');
    const [final] = await engine.settled([item?.id ?? '']);
    expect(final).toMatchObject({ status: 'imported', messagesAdded: 1 });
    const archives = await engine.db.call('listArchives');
    expect(archives[0]?.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    await expect.poll(() => readdir(path.join(vaultDir, 'incoming'))).toEqual([]);
  });

  it('refuses an upload that has only the cookie', async () => {
    const { host, vaultDir } = await start();
    const reply = await request(host, '/api/upload', {
      method: 'POST',
      headers: { cookie: `chat_vault_token=${host.token}` },
      body: 'hello',
    });
    expect(reply.status).toBe(403);
    await expect(readdir(path.join(vaultDir, 'incoming'))).rejects.toThrow();
  });
});
