import { useTranslation } from 'react-i18next';
import { useHost } from '../host-context';
import { useTasks } from '../store/task-store';
import { useVault } from '../store/vault-store';
import { TaskProgress } from './TaskProgress';

/** "Verify now", its progress, and what the last check found, named by conversation and archive. */
export function VerifySection() {
  const { t } = useTranslation();
  const host = useHost();
  const tasks = useTasks((state) => state.tasks);
  const archives = useTasks((state) => state.archives);
  const applyTask = useTasks((state) => state.apply);
  const conversations = useVault((state) => state.conversations);
  const last = [...tasks].reverse().find((task) => task.kind === 'verify');
  const running = last?.status === 'running';
  const titleOf = (id: string) => conversations.find((c) => c.id === id)?.title ?? id;
  const archiveName = (id: string) => archives.find((a) => a.id === id)?.name ?? id;

  return (
    <section className="verify-section" aria-labelledby="verify-title">
      <h3 id="verify-title">{t('tasks.verifyTitle')}</h3>
      <p className="field-hint">{t('tasks.verifyLead')}</p>
      <button
        type="button"
        className="primary-button"
        disabled={running}
        onClick={() => void host.api.call('verify.start', {}).then(({ task }) => applyTask(task))}
      >
        {t('tasks.verifyStart')}
      </button>
      {last === undefined ? null : running ? (
        <div className="verify-result" role="status">
          <p>{t('tasks.verifyRunning')}</p>
          <TaskProgress task={last} />
        </div>
      ) : last.report === null ? (
        <p className="import-error" role="alert">
          {last.error?.message ?? t(`tasks.status.${last.status}`)}
        </p>
      ) : (
        <div className="verify-result" role="status" data-ok={last.report.ok}>
          <p className={last.report.ok ? 'verify-ok' : 'verify-bad'}>
            {last.report.ok
              ? t('tasks.verifyOk', { count: last.report.checked })
              : t('tasks.verifyDamaged', { count: last.report.damaged.length })}
          </p>
          {last.report.damaged.length === 0 ? null : (
            <ul className="damage-list">
              {last.report.damaged.map((damage, index) => {
                const affected = [
                  ...damage.conversations.map(titleOf),
                  ...damage.archives.map(archiveName),
                ];
                return (
                  <li key={damage.sha256 ?? `database-${index}`}>
                    <p>{damage.message}</p>
                    <p className="field-hint">
                      {affected.length === 0
                        ? t('tasks.affectsNothing')
                        : `${t('tasks.affects')}: ${affected.join(', ')}`}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
