import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES, IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, REQUESTS, type EventName } from '../shared/contract';

// One method per request of the contract, never a generic send(channel, ...), and one subscription for events.
const bridge: Record<string, unknown> = {};
for (const name of Object.keys(REQUESTS)) {
  bridge[name] = (input: unknown) => ipcRenderer.invoke(`${IPC_CHANNEL_PREFIX}${name}`, input);
}
bridge.on = (event: EventName, listener: (payload: unknown) => void) => {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event "${event}".`);
  const forward = (_sender: unknown, name: string, payload: unknown) => {
    if (name === event) listener(payload);
  };
  ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
  return () => ipcRenderer.off(IPC_EVENT_CHANNEL, forward);
};

contextBridge.exposeInMainWorld('poolBridgeIpc', bridge);
