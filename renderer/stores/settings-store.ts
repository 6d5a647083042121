import { create } from 'zustand';
import type { Notice, SettingsUpdate } from '../../shared/contract';
import type { SettingsView } from '../../shared/settings';
import { bridge, BridgeError } from '../bridge';
import { applyLanguage } from '../i18n';

interface SettingsState {
  settings: SettingsView | null;
  notices: Notice[];
  loadError: string | null;
  load(): Promise<void>;
  /** Saves one section; resolves to null on success or to the error the main side returned. */
  save(update: SettingsUpdate): Promise<BridgeError | null>;
  dismissNotice(id: string): Promise<void>;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  notices: [],
  loadError: null,

  async load() {
    try {
      const [settings, notices] = await Promise.all([bridge.getSettings({}), bridge.getNotices({})]);
      applyLanguage(settings.device.language);
      set({ settings, notices, loadError: null });
    } catch (error) {
      set({ loadError: (error as Error).message });
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
  return () => {
    offSettings();
    offNotices();
  };
}
