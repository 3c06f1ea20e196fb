import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences, type LanguageChoice, type ThemeChoice } from '../store/preferences';
import { useVault } from '../store/vault-store';
import { ImportFolderField } from './settings/ImportFolderField';
import { TimeZoneField } from './settings/TimeZoneField';

type Props = Readonly<{ open: boolean; onClose: () => void }>;

/** A modal dialog (native <dialog>: focus stays inside, Escape closes). */
export function SettingsDialog({ open, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const language = usePreferences((state) => state.language);
  const theme = usePreferences((state) => state.theme);
  const setLanguage = usePreferences((state) => state.setLanguage);
  const setTheme = usePreferences((state) => state.setTheme);
  const info = useVault((state) => state.info);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="settings-dialog"
      aria-labelledby="settings-title"
      onClose={onClose}
    >
      <h2 id="settings-title">{t('settings.title')}</h2>
      <label className="field">
        <span>{t('settings.language')}</span>
        <select
          value={language}
          onChange={(event) => setLanguage(event.target.value as LanguageChoice)}
        >
          <option value="system">{t('settings.languageSystem')}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
      <label className="field">
        <span>{t('settings.theme')}</span>
        <select value={theme} onChange={(event) => setTheme(event.target.value as ThemeChoice)}>
          <option value="system">{t('settings.themeSystem')}</option>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
        </select>
      </label>
      <TimeZoneField />
      <ImportFolderField />
      <div className="field">
        <span>{t('settings.vault')}</span>
        <code className="vault-path">{info?.dir ?? ''}</code>
      </div>
      <footer className="dialog-footer">
        <span className="version">
          {t('settings.version', { version: info?.appVersion ?? '' })}
        </span>
        <button type="button" className="primary-button" onClick={onClose}>
          {t('settings.close')}
        </button>
      </footer>
    </dialog>
  );
}
