import { create } from 'zustand';
import { resolveMenuPath } from '../../shared/menu';

/**
 * The current place in the menu tree, as ids below the main menu; null is the home view. Mirrored in the URL hash.
 * Back returns to the screen the user came from, such as the home view after its shortcut to the alarm overview;
 * without such a screen (after a reload or a typed address) it goes up one level of the menu tree.
 */
interface NavigationState {
  path: string[] | null;
  /** Places visited before the current one, the latest last. */
  history: (string[] | null)[];
  /** Opens a place; with `replace`, the current place is left out of the history (Back does not return to it). */
  open(path: string[], options?: { replace?: boolean }): void;
  back(): void;
  home(): void;
}

/** Bounds the history so that a kiosk running for weeks does not grow it without end. */
const MAX_HISTORY = 50;

function pathFromHash(hash: string): string[] | null {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] !== 'main') return null;
  const path = parts.slice(1);
  return resolveMenuPath(path) ? path : null;
}

function writeHash(path: string[] | null): void {
  const hash = path === null ? '#/' : `#/${['main', ...path].join('/')}`;
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}

export const useNavigationStore = create<NavigationState>((set, get) => ({
  path: pathFromHash(window.location.hash),
  history: [],
  open(path, options) {
    const { path: current, history } = get();
    writeHash(path);
    // Opening the place the user just came from is the same as going back to it.
    if (JSON.stringify(history.at(-1)) === JSON.stringify(path)) set({ path, history: history.slice(0, -1) });
    else set({ path, history: options?.replace ? history : [...history, current].slice(-MAX_HISTORY) });
  },
  back() {
    const { path, history } = get();
    let next: string[] | null;
    if (history.length > 0) next = history.at(-1)!;
    else next = path === null || path.length === 0 ? null : path.slice(0, -1);
    writeHash(next);
    set({ path: next, history: history.slice(0, -1) });
  },
  home() {
    writeHash(null);
    set({ path: null, history: [] });
  },
}));

// Follows hash changes made outside the store: the browser's Back button or a typed address.
window.addEventListener('hashchange', () => {
  const path = pathFromHash(window.location.hash);
  if (JSON.stringify(path) !== JSON.stringify(useNavigationStore.getState().path)) useNavigationStore.setState({ path });
});
