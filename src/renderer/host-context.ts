import { createContext, useContext } from 'react';
import type { Host } from './api/host';

export const HostContext = createContext<Host | null>(null);

export function useHost(): Host {
  const host = useContext(HostContext);
  if (host === null) throw new Error('useHost outside HostContext');
  return host;
}
