/**
 * What is on screen from the vault: its info, the conversation list, the import queue. Filled from
 * the engine through the contract; never a copy of the database.
 */
import { create } from 'zustand';
import type {
  Api,
  ConversationSummary,
  EngineEvent,
  ImportItem,
  Settings,
  VaultInfo,
} from '../../shared/contract';
import { useTasks } from './task-store';

export type Connection = 'connecting' | 'ready' | 'lost';

export type Notice = Readonly<{ id: number; text: string }>;

type VaultState = Readonly<{
  connection: Connection;
  info: VaultInfo | null;
  /** The engine's settings (time zone for zoneless exports, the import folder and its watch). */
  settings: Settings | null;
  conversations: readonly ConversationSummary[];
  imports: readonly ImportItem[];
  notices: readonly Notice[];
  selectedId: string | null;
  filter: string;
  select: (id: string | null) => void;
  setFilter: (filter: string) => void;
  setConnection: (connection: Connection) => void;
  notify: (text: string) => void;
  dismissNotice: (id: number) => void;
  clearFinishedImports: () => void;
  load: (api: Api) => Promise<void>;
  apply: (event: EngineEvent, api: Api) => void;
}>;

const FINISHED = new Set<ImportItem['status']>(['imported', 'unchanged', 'partial', 'failed']);
let nextNoticeId = 1;

export const useVault = create<VaultState>()((set, get) => ({
  connection: 'connecting',
  info: null,
  settings: null,
  conversations: [],
  imports: [],
  notices: [],
  selectedId: null,
  filter: '',
  select: (id) => set({ selectedId: id }),
  setFilter: (filter) => set({ filter }),
  setConnection: (connection) => set({ connection }),
  notify: (text) => set({ notices: [...get().notices, { id: nextNoticeId++, text }] }),
  dismissNotice: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
  clearFinishedImports: () =>
    set({ imports: get().imports.filter((item) => !FINISHED.has(item.status)) }),
  async load(api) {
    const [info, conversations, imports, settings] = await Promise.all([
      api.call('vault.info', {}),
      api.call('conversations.list', {}),
      api.call('import.list', {}),
      api.call('settings.get', {}),
    ]);
    set({ info, conversations, imports: imports.items, settings, connection: 'ready' });
  },
  apply(event, api) {
    switch (event.event) {
      case 'import.updated': {
        const others = get().imports.filter((item) => item.id !== event.payload.id);
        const index = get().imports.findIndex((item) => item.id === event.payload.id);
        const imports =
          index === -1
            ? [...others, event.payload]
            : get().imports.map((item) => (item.id === event.payload.id ? event.payload : item));
        set({ imports });
        return;
      }
      case 'task.updated':
        useTasks.getState().apply(event.payload);
        return;
      case 'conversations.changed':
        void api.call('conversations.list', {}).then((conversations) => set({ conversations }));
        return;
      case 'settings.changed': {
        const info = get().info;
        const importFolder = event.payload.importFolder?.path ?? null;
        set({ settings: event.payload, info: info === null ? null : { ...info, importFolder } });
        return;
      }
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
}));
