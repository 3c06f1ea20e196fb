/**
 * Envelopes for carrying the contract over a message channel (WebSocket, IPC). A transport sends a
 * request envelope and gets back exactly one response envelope with the same id; events flow the
 * other way without an id.
 */
import * as z from 'zod';
import { ErrorInfoSchema } from './contract';

export const RequestEnvelopeSchema = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  params: z.unknown(),
});
export type RequestEnvelope = Readonly<z.infer<typeof RequestEnvelopeSchema>>;

export const ResponseEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({
    type: z.literal('response'),
    id: z.number(),
    ok: z.literal(true),
    result: z.unknown(),
  }),
  z.object({
    type: z.literal('response'),
    id: z.number(),
    ok: z.literal(false),
    error: ErrorInfoSchema,
  }),
]);
export type ResponseEnvelope = Readonly<z.infer<typeof ResponseEnvelopeSchema>>;

export const EventEnvelopeSchema = z.object({
  type: z.literal('event'),
  event: z.string(),
  payload: z.unknown(),
});
export type EventEnvelope = Readonly<z.infer<typeof EventEnvelopeSchema>>;

export const ServerMessageSchema = z.union([ResponseEnvelopeSchema, EventEnvelopeSchema]);
export type ServerMessage = Readonly<z.infer<typeof ServerMessageSchema>>;
