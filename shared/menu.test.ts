import { describe, expect, it } from 'vitest';
import { ui } from './i18n/ui';
import { allMenuPaths, MENU_TREE, resolveMenuPath } from './menu';

function lookup(catalog: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
}

describe('menu tree', () => {
  it('e-mail configuration holds the manual four entries in order', () => {
    const email = resolveMenuPath(['communication', 'email'])?.at(-1);
    expect(email?.children?.map((node) => lookup(ui.fr, node.labelKey))).toEqual([
      'Configuration des adresses e-mail de destinataires',
      'Compte pour envoi e-mails (SMTP)',
      'E-mails actifs',
      'Envoyer un e-mail test',
    ]);
  });

  it('every node has a label in every language', () => {
    for (const { node } of allMenuPaths()) {
      for (const language of ['fr', 'en', 'de'] as const) {
        expect(lookup(ui[language], node.labelKey), `${language} ${node.labelKey}`).toEqual(expect.any(String));
      }
    }
  });

  it('every node is either a menu or a screen', () => {
    for (const { node } of allMenuPaths()) {
      expect(Boolean(node.children) !== Boolean(node.screen), node.id).toBe(true);
    }
  });

  it('resolves paths and rejects unknown ids', () => {
    expect(resolveMenuPath([])).toEqual([MENU_TREE]);
    expect(resolveMenuPath(['communication', 'nowhere'])).toBeNull();
  });
});
