import { useTranslation } from 'react-i18next';
import { useHost } from '../host-context';

type Props = Readonly<{ value: string; onChange: (value: string) => void; label: string }>;

/**
 * Where a restore or export goes. On the desktop: the native folder picker (or a typed path). In a
 * browser the files cannot land on the browser's machine, so the field says plainly that the path
 * is a folder on the computer running Chat Vault.
 */
export function DestinationField({ value, onChange, label }: Props) {
  const { t } = useTranslation();
  const host = useHost();
  const choose = host.chooseFolder;
  return (
    <div className="field destination-field">
      <span>{label}</span>
      <div className="destination-row">
        <input
          type="text"
          value={value}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
          aria-label={label}
          data-testid="destination-input"
        />
        {choose === null ? null : (
          <button
            type="button"
            className="secondary-button"
            onClick={() => {
              void choose().then((chosen) => {
                if (chosen !== null) onChange(chosen);
              });
            }}
          >
            {t('tasks.choose')}
          </button>
        )}
      </div>
      <small className="field-hint">
        {host.kind === 'web' ? t('tasks.destinationServer') : t('tasks.destinationDesktop')}
      </small>
    </div>
  );
}
