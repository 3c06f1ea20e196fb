/**
 * Validates one request that crossed a process or network boundary and runs it. Shared by every
 * transport (Electron IPC, WebSocket) so all hosts apply the same checks.
 */
import type { ErrorInfo, Handlers, Method } from '../../shared/contract';
import { isMethod, requests } from '../../shared/contract';
import { describeError } from './errors';

export type DispatchOutcome =
  Readonly<{ ok: true; result: unknown }> | Readonly<{ ok: false; error: ErrorInfo }>;

export async function dispatch(
  handlers: Handlers,
  method: unknown,
  params: unknown,
): Promise<DispatchOutcome> {
  if (!isMethod(method)) {
    return {
      ok: false,
      error: {
        code: 'UNKNOWN_METHOD',
        message: `There is no request named ${JSON.stringify(method)}.`,
      },
    };
  }
  const parsed = requests[method].params.safeParse(params ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(params)'}: ${issue.message}`)
      .join('; ');
    return {
      ok: false,
      error: { code: 'INVALID_PARAMS', message: `The request ${method} was malformed: ${detail}` },
    };
  }
  try {
    const handler = handlers[method] as (params: unknown) => Promise<unknown>;
    const result: unknown = await handler(parsed.data);
    return { ok: true, result };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

export type { Method };
