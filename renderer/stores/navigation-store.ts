import { create } from 'zustand';
import { resolveMenuPath } from '../../shared/menu';

/** The current place in the menu tree, as ids below the main menu; null is the home view. Mirrored in the URL hash. */
interface NavigationState {
  path: string[] | null;
  open(path: string[]): void;
  back(): void;
  home(): void;
}

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
  open(path) {
    writeHash(path);
    set({ path });
  },
  back() {
    const { path } = get();
    const next = path === null || path.length === 0 ? null : path.slice(0, -1);
    writeHash(next);
    set({ path: next });
  },
  home() {
    writeHash(null);
    set({ path: null });
  },
}));

// Follows hash changes made outside the store: the browser's Back button or a typed address.
window.addEventListener('hashchange', () => {
  const path = pathFromHash(window.location.hash);
  if (JSON.stringify(path) !== JSON.stringify(useNavigationStore.getState().path)) useNavigationStore.setState({ path });
});
