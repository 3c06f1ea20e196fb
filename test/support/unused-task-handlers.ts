import type { Handlers } from '../../src/shared/contract';
import { taskRequests } from '../../src/shared/task-contract';

type TaskMethod = keyof typeof taskRequests;

/** Handlers for the task methods (restore, export, verify...) in tests that never call them. */
export const unusedTaskHandlers = Object.fromEntries(
  Object.keys(taskRequests).map((method) => [
    method,
    () => Promise.reject(new Error(`${method} is not used in this test`)),
  ]),
) as unknown as Pick<Handlers, TaskMethod>;
