import { useTranslation } from 'react-i18next';
import type { Task } from '../../shared/task-contract';
import { formatBytes } from '../formatters';

/** A task's progress bar and the line under it: how far, how fast, how long still. */
export function TaskProgress({ task }: Readonly<{ task: Task }>) {
  const { t, i18n } = useTranslation();
  const { progress } = task;
  const total = progress.total ?? 0;
  const eta = progress.etaSeconds === null ? '—' : Math.ceil(progress.etaSeconds);
  let text: string;
  switch (progress.unit) {
    case 'bytes':
      text = t('tasks.progressBytes', {
        done: formatBytes(progress.done, i18n.language),
        total: formatBytes(total, i18n.language),
        rate: formatBytes(progress.perSecond, i18n.language),
        eta,
      });
      break;
    case 'messages':
      text = t('tasks.progressMessages', { done: progress.done, total, eta });
      break;
    case 'files':
      text = t('tasks.progressFiles', { done: progress.done, total });
      break;
  }
  return (
    <>
      <progress
        className="import-progress"
        aria-label={task.title}
        {...(progress.total === null || progress.total === 0
          ? {}
          : { value: progress.done, max: progress.total })}
      />
      <span className="import-bytes">{text}</span>
    </>
  );
}
