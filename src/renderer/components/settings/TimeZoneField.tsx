import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../host-context';
import { useVault } from '../../store/vault-store';

/** Every zone this browser knows, or a short list where Intl cannot list them. */
function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

/**
 * The zone in which exports without zones (WhatsApp, LINE) are read. It applies to the next
 * imports; messages already in the vault keep the times they were given.
 */
export function TimeZoneField() {
  const { t } = useTranslation();
  const { api } = useHost();
  const settings = useVault((state) => state.settings);
  const zones = useMemo(() => knownZones(), []);
  const [error, setError] = useState<string | null>(null);
  if (settings === null) return null;
  const change = (value: string) => {
    setError(null);
    api
      .call('settings.update', { timeZone: value === '' ? null : value })
      .then((updated) => useVault.setState({ settings: updated }))
      .catch((failure: unknown) =>
        setError(failure instanceof Error ? failure.message : String(failure)),
      );
  };
  const current = settings.timeZone ?? '';
  return (
    <label className="field">
      <span>{t('settings.timeZone')}</span>
      <select value={current} onChange={(event) => change(event.target.value)}>
        <option value="">
          {t('settings.timeZoneMachine', { zone: settings.machineTimeZone })}
        </option>
        {current !== '' && !zones.includes(current) ? (
          <option value={current}>{current}</option>
        ) : null}
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
      <small className="field-hint">{t('settings.timeZoneHint')}</small>
      {error === null ? null : (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
    </label>
  );
}
