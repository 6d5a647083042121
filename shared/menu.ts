/**
 * The menu tree: one definition drives the menus' rendering, navigation and the end-to-end tests.
 * Labels are keys of the `ui` namespace; a node has either children (a menu) or a screen.
 */
export type ScreenId =
  | 'recipients'
  | 'smtpAccount'
  | 'activeEmails'
  | 'testEmail'
  | 'deviceSettings'
  | 'alarmOverview'
  | 'emailJournal'
  | 'demoControls'
  | 'demoInbox';

export interface MenuNode {
  id: string;
  labelKey: string;
  children?: MenuNode[];
  screen?: ScreenId;
  /** Shown only while demo mode is on. */
  demoOnly?: boolean;
  /** Opening this node and everything below it requires the IT-specialist access code. */
  requiresAccess?: boolean;
}

export const MENU_TREE: MenuNode = {
  id: 'main',
  labelKey: 'menu.main',
  children: [
    {
      id: 'communication',
      labelKey: 'menu.communication',
      children: [
        {
          id: 'email',
          labelKey: 'menu.emailConfiguration',
          requiresAccess: true,
          children: [
            { id: 'recipients', labelKey: 'menu.recipients', screen: 'recipients' },
            { id: 'smtp', labelKey: 'menu.smtpAccount', screen: 'smtpAccount' },
            { id: 'active-emails', labelKey: 'menu.activeEmails', screen: 'activeEmails' },
            { id: 'test-email', labelKey: 'menu.sendTestEmail', screen: 'testEmail' },
          ],
        },
      ],
    },
    { id: 'device', labelKey: 'menu.deviceSettings', screen: 'deviceSettings', requiresAccess: true },
    { id: 'alarms', labelKey: 'menu.alarmOverview', screen: 'alarmOverview' },
    { id: 'journal', labelKey: 'menu.emailJournal', screen: 'emailJournal' },
    { id: 'demo', labelKey: 'menu.demoControls', screen: 'demoControls', demoOnly: true },
    { id: 'demo-inbox', labelKey: 'menu.demoInbox', screen: 'demoInbox', demoOnly: true },
  ],
};

/** Returns the nodes from the main menu down to the node at `path` (ids below the main menu), or null if none matches. */
export function resolveMenuPath(path: readonly string[]): MenuNode[] | null {
  const trail: MenuNode[] = [MENU_TREE];
  let node = MENU_TREE;
  for (const id of path) {
    const child = node.children?.find((candidate) => candidate.id === id);
    if (!child) return null;
    trail.push(child);
    node = child;
  }
  return trail;
}

/** Lists every node with the ids leading to it, for navigation tests that walk the whole tree. */
export function allMenuPaths(node: MenuNode = MENU_TREE, prefix: string[] = []): { path: string[]; node: MenuNode }[] {
  const here = prefix.length === 0 && node === MENU_TREE ? [] : prefix;
  const entries = [{ path: here, node }];
  for (const child of node.children ?? []) entries.push(...allMenuPaths(child, [...here, child.id]));
  return entries;
}
