import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../shared/task-contract';
import { useHost } from '../host-context';
import { useTasks } from '../store/task-store';
import { TaskProgress } from './TaskProgress';
import '../styles/tasks.css';

function TaskRow({ task }: Readonly<{ task: Task }>) {
  const { t } = useTranslation();
  const host = useHost();
  const running = task.status === 'running';
  return (
    <li className={`import-row status-${task.status}`} data-status={task.status}>
      <div className="import-line">
        <span className="import-name" title={task.title}>
          {task.kind === 'verify'
            ? t('tasks.verifyTitle')
            : `${t(`tasks.kind.${task.kind}`)} · ${task.title}`}
        </span>
        <span className="import-status">{t(`tasks.status.${task.status}`)}</span>
      </div>
      {running ? <TaskProgress task={task} /> : null}
      {task.status === 'done'
        ? task.written.map((written) => (
            <span key={written.path} className="import-bytes task-path" title={written.path}>
              {t('tasks.wroteTo', { path: written.path })}
            </span>
          ))
        : null}
      {task.kind === 'verify' && task.report !== null ? (
        <span className="import-bytes">
          {task.report.ok
            ? t('tasks.verifyOk', { count: task.report.checked })
            : t('tasks.verifyDamaged', { count: task.report.damaged.length })}
        </span>
      ) : null}
      {running ? (
        <button
          type="button"
          className="link-button"
          onClick={() => void host.api.call('task.cancel', { id: task.id })}
        >
          {t('tasks.cancel')}
        </button>
      ) : null}
      {task.error === null || task.status === 'cancelled' ? null : (
        <p className="import-error" role="alert">
          {task.error.message}
        </p>
      )}
    </li>
  );
}

/** Restores, exports and verifies that run or ran: progress, cancel, and what they wrote. */
export function TaskPanel() {
  const { t } = useTranslation();
  const host = useHost();
  const tasks = useTasks((state) => state.tasks);
  const hidden = useTasks((state) => state.hidden);
  const load = useTasks((state) => state.load);
  const clear = useTasks((state) => state.clearFinished);
  useEffect(() => {
    void load(host.api);
  }, [host, load]);
  const shown = tasks.filter((task) => !hidden.has(task.id));
  if (shown.length === 0) return null;
  return (
    <section className="import-panel task-panel" aria-label={t('tasks.panelTitle')}>
      <header>
        <h2>{t('tasks.panelTitle')}</h2>
        <button type="button" className="link-button" onClick={clear}>
          {t('tasks.clear')}
        </button>
      </header>
      <ul>
        {shown.map((task) => (
          <TaskRow key={task.id} task={task} />
        ))}
      </ul>
    </section>
  );
}
