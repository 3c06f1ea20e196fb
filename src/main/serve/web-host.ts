/**
 * The web host: the same renderer and contract as the desktop app, over HTTP and a WebSocket on
 * 127.0.0.1 only, guarded by a random token per run.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { describeError } from '../engine/errors';
import type { Engine } from '../engine/engine';
import {
  authorize,
  cookieToken,
  createToken,
  TOKEN_COOKIE,
  TOKEN_HEADER,
  tokensMatch,
  type AuthDecision,
} from './auth';
import { contentSecurityPolicy } from '../common/content-security-policy';
import { serveSocket, MAX_MESSAGE_BYTES } from './socket';
import { sendStatic } from './static-route';
import { sendMedia } from './media-route';
import { MEDIA_PREFIX } from '../common/media-path';
import { receiveUpload, removeUpload } from './upload-route';

export const SOCKET_PATH = '/api/socket';
export const UPLOAD_PATH = '/api/upload';
const LOOPBACK = '127.0.0.1';

export type WebHostOptions = Readonly<{
  engine: Engine;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
}>;

export type WebHost = Readonly<{
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}>;

function authorizeRequest(
  request: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): AuthDecision {
  const header = request.headers[TOKEN_HEADER];
  return authorize(
    {
      host: request.headers.host,
      origin: request.headers.origin,
      queryToken: url.searchParams.get('token'),
      headerToken: typeof header === 'string' ? header : null,
      cookieToken: cookieToken(request.headers.cookie),
    },
    token,
    port,
  );
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? createToken();
  const { engine } = options;
  let port = options.port;

  const securityHeaders = (): Record<string, string> => ({
    'content-security-policy': contentSecurityPolicy([
      `ws://127.0.0.1:${port}`,
      `ws://localhost:${port}`,
    ]),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  });

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}`);
    const decision = authorizeRequest(request, url, token, port);
    if (!decision.ok) {
      response.writeHead(decision.status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(
        `Refused: ${decision.reason}. Open the address that "chat-vault serve" printed.`,
      );
      return;
    }
    void (async () => {
      if (url.pathname === UPLOAD_PATH) {
        // A cookie alone is not enough to write: the page must prove it read the token.
        const header = request.headers[TOKEN_HEADER];
        if (
          request.method !== 'POST' ||
          !tokensMatch(token, typeof header === 'string' ? header : null)
        ) {
          sendJson(response, 403, {
            error: {
              code: 'UPLOAD_REFUSED',
              message: 'Uploads are POST requests that carry the token header.',
            },
          });
          return;
        }
        try {
          const saved = await receiveUpload(request, engine.vaultDir);
          const submitted = await engine.handlers['import.submit']({ paths: [saved] });
          sendJson(response, 200, submitted);
          // Once imported, the vault holds the original as a blob: the uploaded copy can go.
          void engine
            .settled(submitted.items.map((item) => item.id))
            .then(() => removeUpload(engine.vaultDir, saved));
        } catch (error) {
          sendJson(response, 500, { error: describeError(error) });
        }
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        sendJson(response, 405, {
          error: { code: 'METHOD_NOT_ALLOWED', message: 'Only GET here.' },
        });
        return;
      }
      // Judge the path as the request wrote it, before the URL parser resolves any `..`.
      const rawPath = (request.url ?? '/').split(/[?#]/u)[0] ?? '/';
      if (rawPath.startsWith(MEDIA_PREFIX)) {
        await sendMedia(request, response, engine.vaultDir, rawPath);
        return;
      }
      const headers = securityHeaders();
      if (url.searchParams.has('token')) {
        headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      }
      await sendStatic(response, options.rendererDir, rawPath, headers);
    })();
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}`);
    const decision = authorizeRequest(request, url, token, port);
    if (url.pathname !== SOCKET_PATH || !decision.ok) {
      socket.end(
        `HTTP/1.1 ${decision.ok ? 404 : decision.status} Refused\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, engine));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
