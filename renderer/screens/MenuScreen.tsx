import { useTranslation } from 'react-i18next';
import type { MenuNode } from '../../shared/menu';
import { useNavigationStore } from '../stores/navigation-store';
import { useSettingsStore } from '../stores/settings-store';

/** Renders a menu of the tree: one large button per child, in the tree's order. */
export function MenuScreen({ node, path }: { node: MenuNode; path: string[] }) {
  const { t } = useTranslation();
  const open = useNavigationStore((state) => state.open);
  const demoMode = useSettingsStore((state) => state.settings?.device.demoMode ?? false);
  const children = (node.children ?? []).filter((child) => demoMode || !child.demoOnly);
  return (
    <nav className={`menu-list${children.length > 4 ? ' menu-list--grid' : ''}`} aria-label={t(node.labelKey)}>
      {children.map((child) => (
        <button key={child.id} type="button" className="menu-list__entry" onClick={() => open([...path, child.id])}>
          {t(child.labelKey)}
        </button>
      ))}
    </nav>
  );
}
