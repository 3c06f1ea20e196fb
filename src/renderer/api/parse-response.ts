import {
  requests,
  type Method,
  type Result,
  type EngineEvent,
  events,
} from '../../shared/contract';
import { EventEnvelopeSchema, ResponseEnvelopeSchema } from '../../shared/wire';

/** An error the engine answered with; `code` says which (see the engine's error codes). */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Checks a response envelope from the other side and returns the method's typed result. */
export function parseResponse<M extends Method>(method: M, raw: unknown): Result<M> {
  const envelope = ResponseEnvelopeSchema.parse(raw);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return requests[method].result.parse(envelope.result) as Result<M>;
}

/** Checks an event envelope; unknown events (from a newer engine) are ignored. */
export function parseEvent(raw: unknown): EngineEvent | null {
  const envelope = EventEnvelopeSchema.safeParse(raw);
  if (!envelope.success || !Object.hasOwn(events, envelope.data.event)) return null;
  const name = envelope.data.event as keyof typeof events;
  const payload = events[name].safeParse(envelope.data.payload);
  return payload.success ? ({ event: name, payload: payload.data } as EngineEvent) : null;
}
