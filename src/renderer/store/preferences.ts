/** The person's display choices, kept in this browser profile (they are not part of the vault). */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Language } from '../i18n/i18n';

export type LanguageChoice = 'system' | Language;
export type ThemeChoice = 'system' | 'light' | 'dark';

type PreferencesState = Readonly<{
  language: LanguageChoice;
  theme: ThemeChoice;
  setLanguage: (language: LanguageChoice) => void;
  setTheme: (theme: ThemeChoice) => void;
}>;

export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      language: 'system',
      theme: 'system',
      setLanguage: (language) => set({ language }),
      setTheme: (theme) => set({ theme }),
    }),
    { name: 'chat-vault.preferences', storage: createJSONStorage(() => localStorage) },
  ),
);
