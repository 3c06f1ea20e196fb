/**
 * One WebSocket connection speaking the contract: request envelopes in, one response envelope per
 * request out, and every engine event pushed as it happens.
 */
import type { WebSocket } from 'ws';
import {
  RequestEnvelopeSchema,
  type ResponseEnvelope,
  type ServerMessage,
} from '../../shared/wire';
import { dispatch } from '../engine/dispatch';
import type { Engine } from '../engine/engine';

export const MAX_MESSAGE_BYTES = 1024 * 1024;

export function serveSocket(socket: WebSocket, engine: Engine): void {
  const send = (message: ServerMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = engine.subscribe((event) =>
    send({ type: 'event', event: event.event, payload: event.payload }),
  );
  socket.on('close', unsubscribe);

  socket.on('message', (data, isBinary) => {
    void (async () => {
      let json: unknown;
      try {
        json = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        json = undefined;
      }
      const parsed = RequestEnvelopeSchema.safeParse(json);
      if (!parsed.success) {
        socket.close(1003, 'Malformed request');
        return;
      }
      const { id, method, params } = parsed.data;
      const outcome = await dispatch(engine.handlers, method, params);
      const response: ResponseEnvelope = outcome.ok
        ? { type: 'response', id, ok: true, result: outcome.result }
        : { type: 'response', id, ok: false, error: outcome.error };
      send(response);
    })();
  });
}
