import { create } from 'zustand';
import type { DemoServerStatus, InboxSummary } from '../../shared/demo-inbox';
import { bridge, BridgeError } from '../bridge';

interface DemoInboxState {
  /** Messages newest first, or null until the first load. */
  summaries: InboxSummary[] | null;
  status: DemoServerStatus | null;
  loadError: string | null;
  load(): Promise<void>;
  /** Empties the inbox; resolves to null on success or to the error the main side returned. */
  clear(): Promise<BridgeError | null>;
}

export const useDemoInboxStore = create<DemoInboxState>((set) => ({
  summaries: null,
  status: null,
  loadError: null,

  async load() {
    try {
      const [summaries, status] = await Promise.all([bridge.listDemoInbox({}), bridge.getDemoServerStatus({})]);
      set({ summaries, status, loadError: null });
    } catch (error) {
      set({ loadError: (error as Error).message });
    }
  },

  async clear() {
    try {
      set({ summaries: await bridge.clearDemoInbox({}) });
      return null;
    } catch (error) {
      return error instanceof BridgeError ? error : new BridgeError({ kind: 'internal', message: (error as Error).message });
    }
  },
}));

/** Keeps the list and the server status live while the inbox screen is open; returns the unsubscribe function. */
export function subscribeToDemoInboxEvents(): () => void {
  const offInbox = bridge.on('demoInboxChanged', (summaries) => useDemoInboxStore.setState({ summaries }));
  const offServer = bridge.on('demoServerChanged', (status) => useDemoInboxStore.setState({ status }));
  return () => {
    offInbox();
    offServer();
  };
}
