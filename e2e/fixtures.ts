import { test as base, expect, type Page } from '@playwright/test';
import { ACCESS_STORAGE_KEY } from '../shared/access';
import { startKioskHost, type KioskHost } from './kiosk-host';

/**
 * Each test gets its own web host and data folder, so that tests never share settings.
 * The IT-specialist access level is open from the start unless a test sets `accessOpen: false`:
 * e2e/access.spec.ts tests the access code itself.
 */
export const test = base.extend<{ kiosk: KioskHost; accessOpen: boolean }>({
  accessOpen: [true, { option: true }],
  kiosk: async ({}, use) => {
    const host = await startKioskHost();
    await use(host);
    await host.stop();
  },
  context: async ({ context, accessOpen }, use) => {
    if (accessOpen) {
      await context.addInitScript(
        ([key, until]) => window.sessionStorage.setItem(key, until),
        [ACCESS_STORAGE_KEY, String(Date.now() + 3_600_000)] as const,
      );
    }
    await use(context);
  },
});
export { expect };

/** Taps the buttons of a path of menu labels, starting from the home view. */
export async function tapMenuPath(page: Page, labels: string[]): Promise<void> {
  for (const label of labels) await page.getByRole('button', { name: label, exact: true }).tap();
}

export const EMAIL_CONFIGURATION = ['Menu principal', 'Communication et interfaces', 'Configuration e-mail'];

/** Lists elements whose text is cut: content wider or taller than the box, outside scrolling containers. */
export async function findOverflowingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const scrolls = style.overflowY === 'auto' || style.overflowY === 'scroll' || style.overflowX === 'auto';
      if (scrolls) continue;
      const hasOwnText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
      if (!hasOwnText) continue;
      if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1) {
        problems.push(`${element.tagName.toLowerCase()}.${element.className}: "${element.textContent!.trim().slice(0, 60)}"`);
      }
    }
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`page is ${root.scrollWidth}px wide`);
    return problems;
  });
}
