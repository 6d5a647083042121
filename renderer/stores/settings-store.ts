import { create } from 'zustand';
import type { Notice, SettingsUpdate } from '../../shared/contract';
import type { SettingsView } from '../../shared/settings';
import { bridge, BridgeError, onConnectionChange } from '../bridge';
import { applyLanguage } from '../i18n';

interface SettingsState {
  settings: SettingsView | null;
  notices: Notice[];
  loadError: string | null;
  /** True when the host requires the access code before anything, as it does for a remote browser. */
  accessRequired: boolean;
  load(): Promise<void>;
  /** Saves one section; resolves to null on success or to the error the main side returned. */
  save(update: SettingsUpdate): Promise<BridgeError | null>;
  dismissNotice(id: string): Promise<void>;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  notices: [],
  loadError: null,
  accessRequired: false,

  async load() {
    try {
      const [settings, notices] = await Promise.all([bridge.getSettings({}), bridge.getNotices({})]);
      applyLanguage(settings.device.language);
      set({ settings, notices, loadError: null, accessRequired: false });
    } catch (error) {
      if (error instanceof BridgeError && error.error.kind === 'forbidden') set({ accessRequired: true, loadError: null });
      else set({ loadError: (error as Error).message });
    }
  },

  async save(update) {
    try {
      const settings = await bridge.updateSettings(update);
      applyLanguage(settings.device.language);
      set({ settings });
      return null;
    } catch (error) {
      return error instanceof BridgeError ? error : new BridgeError({ kind: 'internal', message: (error as Error).message });
    }
  },

  async dismissNotice(id) {
    set({ notices: await bridge.dismissNotice({ id }) });
  },
}));

/** Keeps every window and browser in step with changes made elsewhere. */
export function subscribeToSettingsEvents(): () => void {
  const offSettings = bridge.on('settingsChanged', (settings) => {
    applyLanguage(settings.device.language);
    useSettingsStore.setState({ settings });
  });
  const offNotices = bridge.on('noticesChanged', (notices) => useSettingsStore.setState({ notices }));
  // Changes made while the event stream was down (a host restart) are fetched once it is back.
  let wasConnected = true;
  const offConnection = onConnectionChange((connected) => {
    if (connected && !wasConnected) void useSettingsStore.getState().load();
    wasConnected = connected;
  });
  return () => {
    offSettings();
    offNotices();
    offConnection();
  };
}
