import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { languageFor } from './i18n/i18n';
import { usePreferences } from './store/preferences';

const darkQuery = (): MediaQueryList => window.matchMedia('(prefers-color-scheme: dark)');

function useSystemDark(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const query = darkQuery();
      query.addEventListener('change', notify);
      return () => query.removeEventListener('change', notify);
    },
    () => darkQuery().matches,
  );
}

/** Applies the chosen (or the system's) theme and language to the document. */
export function useAppearance(): void {
  const theme = usePreferences((state) => state.theme);
  const language = usePreferences((state) => state.language);
  const systemDark = useSystemDark();
  const { i18n } = useTranslation();

  const resolvedTheme = theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
  const resolvedLanguage = language === 'system' ? languageFor(navigator.language) : language;

  useEffect(() => {
    document.documentElement.dataset['theme'] = resolvedTheme;
    document.documentElement.style.colorScheme = resolvedTheme;
  }, [resolvedTheme]);

  useEffect(() => {
    document.documentElement.lang = resolvedLanguage;
    if (i18n.language !== resolvedLanguage) void i18n.changeLanguage(resolvedLanguage);
  }, [i18n, resolvedLanguage]);
}
