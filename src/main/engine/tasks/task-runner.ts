/**
 * Restores, exports and verifies run as tasks: each gets an id, can be cancelled, and reports its
 * progress (throttled) and its outcome as `task.updated` events, so a window or a terminal can
 * follow it. Finished tasks are kept (the last few) so a window opened later still sees them.
 */
import { randomBytes } from 'node:crypto';
import type {
  Task,
  TaskKind,
  TaskProgress,
  VerifyReport,
  Written,
} from '../../../shared/task-contract';
import { describeError } from '../errors';

const EMIT_INTERVAL_MS = 200;
const KEPT_FINISHED = 50;

export type TaskControls = Readonly<{
  signal: AbortSignal;
  progress: (done: number, total: number | null) => void;
}>;

export type TaskOutcome = Readonly<{ written?: readonly Written[]; report?: VerifyReport }>;

type Entry = {
  task: Task;
  readonly controller: AbortController;
  readonly startedMs: number;
  lastEmit: number;
  timer: NodeJS.Timeout | undefined;
  readonly settled: Promise<Task>;
};

export class TaskRunner {
  readonly #entries = new Map<string, Entry>();
  readonly #emit: (task: Task) => void;

  constructor(emit: (task: Task) => void) {
    this.#emit = emit;
  }

  start(
    kind: TaskKind,
    title: string,
    destination: string | null,
    unit: TaskProgress['unit'],
    run: (controls: TaskControls) => Promise<TaskOutcome>,
  ): Task {
    const id = `t_${randomBytes(6).toString('hex')}`;
    const controller = new AbortController();
    const startedMs = Date.now();
    let resolveSettled: (task: Task) => void = () => undefined;
    const settled = new Promise<Task>((resolve) => (resolveSettled = resolve));
    const entry: Entry = {
      task: {
        id,
        kind,
        title,
        status: 'running',
        progress: { unit, done: 0, total: null, perSecond: 0, etaSeconds: null },
        destination,
        written: [],
        report: null,
        error: null,
        startedAt: new Date(startedMs).toISOString(),
      },
      controller,
      startedMs,
      lastEmit: 0,
      timer: undefined,
      settled,
    };
    this.#entries.set(id, entry);
    this.#prune();
    const progress = (done: number, total: number | null): void => {
      const seconds = (Date.now() - startedMs) / 1000;
      const perSecond = seconds > 0.2 ? done / seconds : 0;
      const etaSeconds =
        total === null || perSecond === 0 ? null : Math.max(0, (total - done) / perSecond);
      entry.task = { ...entry.task, progress: { unit, done, total, perSecond, etaSeconds } };
      this.#emitSoon(entry);
    };
    this.#emitNow(entry);
    void run({ signal: controller.signal, progress }).then(
      (outcome) => {
        const total = entry.task.progress.total ?? entry.task.progress.done;
        this.#finish(entry, {
          status: 'done',
          written: [...(outcome.written ?? [])],
          report: outcome.report ?? null,
          progress: { ...entry.task.progress, done: total, total, etaSeconds: 0 },
        });
        resolveSettled(entry.task);
      },
      (error: unknown) => {
        const info = describeError(error);
        this.#finish(entry, {
          status: controller.signal.aborted ? 'cancelled' : 'failed',
          error: info,
        });
        resolveSettled(entry.task);
      },
    );
    return entry.task;
  }

  list(): Task[] {
    return [...this.#entries.values()].map((entry) => entry.task);
  }

  cancel(id: string): boolean {
    const entry = this.#entries.get(id);
    if (entry === undefined || entry.task.status !== 'running') return false;
    entry.controller.abort();
    return true;
  }

  /** Resolves with the task's final state. */
  settled(id: string): Promise<Task> {
    const entry = this.#entries.get(id);
    if (entry === undefined) return Promise.reject(new Error(`no task ${id}`));
    return entry.settled;
  }

  /** Cancels what runs and waits for it to stop. */
  async close(): Promise<void> {
    const running = [...this.#entries.values()].filter((entry) => entry.task.status === 'running');
    for (const entry of running) entry.controller.abort();
    await Promise.all(running.map((entry) => entry.settled));
  }

  #finish(entry: Entry, change: Partial<Task>): void {
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.task = { ...entry.task, ...change };
    this.#emitNow(entry);
  }

  #emitNow(entry: Entry): void {
    entry.lastEmit = Date.now();
    this.#emit(entry.task);
  }

  #emitSoon(entry: Entry): void {
    if (entry.timer !== undefined) return;
    const wait = Math.max(0, entry.lastEmit + EMIT_INTERVAL_MS - Date.now());
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (entry.task.status === 'running') this.#emitNow(entry);
    }, wait);
  }

  #prune(): void {
    const finished = [...this.#entries.values()].filter((entry) => entry.task.status !== 'running');
    for (const entry of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED))) {
      this.#entries.delete(entry.task.id);
    }
  }
}
