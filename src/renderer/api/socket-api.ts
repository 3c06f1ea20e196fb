import type { Api, EngineEvent, Method, Params, Result } from '../../shared/contract';
import type { RequestEnvelope } from '../../shared/wire';
import { ApiError, parseEvent, parseResponse } from './parse-response';

type Pending = Readonly<{
  method: Method;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}>;

export type SocketApi = Api & Readonly<{ onClose(listener: () => void): void }>;

/** The contract over the web host's WebSocket. Opens once; a lost connection rejects what is pending. */
export function connectSocketApi(url: string): Promise<SocketApi> {
  return new Promise((resolveConnect, rejectConnect) => {
    const socket = new WebSocket(url);
    const pending = new Map<number, Pending>();
    const listeners = new Set<(event: EngineEvent) => void>();
    const closeListeners = new Set<() => void>();
    let nextId = 1;
    let open = false;

    socket.addEventListener('message', (message: MessageEvent<unknown>) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (typeof data !== 'object' || data === null) return;
      if ('id' in data && typeof data.id === 'number') {
        const entry = pending.get(data.id);
        if (entry === undefined) return;
        pending.delete(data.id);
        try {
          entry.resolve(parseResponse(entry.method, data));
        } catch (error) {
          entry.reject(error instanceof Error ? error : new Error(String(error)));
        }
        return;
      }
      const event = parseEvent(data);
      if (event !== null) for (const listener of listeners) listener(event);
    });

    socket.addEventListener('open', () => {
      open = true;
      resolveConnect(api);
    });
    socket.addEventListener('close', () => {
      for (const entry of pending.values()) {
        entry.reject(new ApiError('DISCONNECTED', 'The connection to Chat Vault was lost.'));
      }
      pending.clear();
      if (!open) rejectConnect(new ApiError('DISCONNECTED', 'Chat Vault refused the connection.'));
      for (const listener of closeListeners) listener();
    });

    const api: SocketApi = {
      call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
        if (socket.readyState !== WebSocket.OPEN) {
          return Promise.reject(
            new ApiError('DISCONNECTED', 'The connection to Chat Vault was lost.'),
          );
        }
        const id = nextId++;
        const envelope: RequestEnvelope = { type: 'request', id, method, params };
        return new Promise<Result<M>>((resolve, reject) => {
          pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject });
          socket.send(JSON.stringify(envelope));
        });
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onClose(listener) {
        closeListeners.add(listener);
      },
    };
  });
}
