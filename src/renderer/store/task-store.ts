/**
 * Restores, exports and verifies on screen: the tasks the engine reports (from `task.updated`
 * events and `tasks.list`), the archives that can be restored, and where exports go by default.
 */
import { create } from 'zustand';
import type { Api } from '../../shared/contract';
import type { ArchiveSummary, Task } from '../../shared/task-contract';

type TaskState = Readonly<{
  tasks: readonly Task[];
  archives: readonly ArchiveSummary[];
  defaultDestination: string;
  /** Tasks the person cleared from the panel. */
  hidden: ReadonlySet<string>;
  load: (api: Api) => Promise<void>;
  loadArchives: (api: Api) => Promise<void>;
  apply: (task: Task) => void;
  clearFinished: () => void;
}>;

export const useTasks = create<TaskState>()((set, get) => ({
  tasks: [],
  archives: [],
  defaultDestination: '',
  hidden: new Set(),
  async load(api) {
    const [{ tasks }, destination] = await Promise.all([
      api.call('tasks.list', {}),
      api.call('destination.default', {}),
    ]);
    set({ tasks, defaultDestination: destination.path });
  },
  async loadArchives(api) {
    set({ archives: await api.call('archives.list', {}) });
  },
  apply(task) {
    const tasks = get().tasks;
    const index = tasks.findIndex((candidate) => candidate.id === task.id);
    set({
      tasks: index === -1 ? [...tasks, task] : tasks.map((t) => (t.id === task.id ? task : t)),
    });
  },
  clearFinished() {
    const hidden = new Set(get().hidden);
    for (const task of get().tasks) if (task.status !== 'running') hidden.add(task.id);
    set({ hidden });
  },
}));
