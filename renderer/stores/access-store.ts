import { create } from 'zustand';
import { ACCESS_INACTIVITY_MS, ACCESS_STORAGE_KEY } from '../../shared/access';

/**
 * The IT-specialist access level of this panel: open until ACCESS_INACTIVITY_MS without a touch or key.
 * Kept in sessionStorage so that a reload does not ask the code again.
 */
interface AccessState {
  openUntil: number;
  open(): void;
  close(): void;
}

function readOpenUntil(): number {
  const stored = Number(window.sessionStorage.getItem(ACCESS_STORAGE_KEY));
  return Number.isFinite(stored) ? stored : 0;
}

function writeOpenUntil(openUntil: number): void {
  window.sessionStorage.setItem(ACCESS_STORAGE_KEY, String(openUntil));
}

export const useAccessStore = create<AccessState>((set) => ({
  openUntil: readOpenUntil(),
  open() {
    const openUntil = Date.now() + ACCESS_INACTIVITY_MS;
    writeOpenUntil(openUntil);
    set({ openUntil });
  },
  close() {
    writeOpenUntil(0);
    set({ openUntil: 0 });
  },
}));

export function isAccessOpen(openUntil: number, now = Date.now()): boolean {
  return openUntil > now;
}

/** Extends an open access level on every touch and key, and closes it once the inactivity period has passed. */
export function watchAccessInactivity(): () => void {
  const extend = () => {
    if (isAccessOpen(useAccessStore.getState().openUntil)) useAccessStore.getState().open();
  };
  const timer = window.setInterval(() => {
    const { openUntil, close } = useAccessStore.getState();
    if (openUntil !== 0 && !isAccessOpen(openUntil)) close();
  }, 5_000);
  window.addEventListener('pointerdown', extend, { passive: true });
  window.addEventListener('keydown', extend);
  return () => {
    window.clearInterval(timer);
    window.removeEventListener('pointerdown', extend);
    window.removeEventListener('keydown', extend);
  };
}
