import { create } from 'zustand';

/** Which photo the viewer shows (`messageId/attachmentIndex`), or null when it is closed. */
export const useMediaViewer = create<
  Readonly<{ openKey: string | null; show: (key: string) => void; close: () => void }>
>()((set) => ({
  openKey: null,
  show: (key) => set({ openKey: key }),
  close: () => set({ openKey: null }),
}));
