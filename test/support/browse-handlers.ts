import type { Handlers, Settings } from '../../src/shared/contract';

const settings: Settings = {
  timeZone: null,
  machineTimeZone: 'UTC',
  importFolder: null,
  importFolderChangeable: false,
};

/** The browsing and settings methods, answered with nothing, for fake engines in host tests. */
export const browseHandlers: Pick<
  Handlers,
  'messages.around' | 'messages.days' | 'settings.get' | 'settings.update'
> = {
  'messages.around': () =>
    Promise.resolve({ messages: [], targetId: null, moreBefore: false, moreAfter: false }),
  'messages.days': () => Promise.resolve({ days: [] }),
  'settings.get': () => Promise.resolve(settings),
  'settings.update': () => Promise.resolve(settings),
};
