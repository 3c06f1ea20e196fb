import type { Api, EngineEvent } from '../../shared/contract';
import type { DesktopBridge } from '../../shared/desktop-bridge';
import { parseEvent, parseResponse } from './parse-response';

export type Bridge = DesktopBridge<File>;

/** The contract over Electron IPC, through the preload's one object. */
export function bridgeApi(bridge: Bridge): Api {
  return {
    async call(method, params) {
      return parseResponse(method, await bridge.request(method, params));
    },
    subscribe(listener: (event: EngineEvent) => void) {
      return bridge.onEvent((raw) => {
        const event = parseEvent(raw);
        if (event !== null) listener(event);
      });
    },
  };
}
