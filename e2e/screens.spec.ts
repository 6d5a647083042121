import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Screens to capture, as URL hashes of the menu tree; the home view is "#/". */
const SCREENS: { name: string; hash: string }[] = [
  { name: 'home', hash: '#/' },
  { name: 'main-menu', hash: '#/main' },
  { name: 'email-configuration', hash: '#/main/communication/email' },
  { name: 'recipients', hash: '#/main/communication/email/recipients' },
  { name: 'smtp-account', hash: '#/main/communication/email/smtp' },
  { name: 'active-emails', hash: '#/main/communication/email/active-emails' },
  { name: 'device-settings', hash: '#/main/device' },
];

const LANGUAGES = ['fr', 'en', 'de'] as const;

/** Lists elements whose text is cut: content wider or taller than the box, outside scrolling containers. */
async function findOverflowingText(page: Page): Promise<string[]> {
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

for (const language of LANGUAGES) {
  test(`screens in ${language} fit 800x480`, async ({ page, kiosk, request }) => {
    const settings = (await (await request.post(`${kiosk.url}api/getSettings`, { data: {} })).json()).value;
    const { softwareVersion: _readOnly, ...device } = settings.device;
    const update = await request.post(`${kiosk.url}api/updateSettings`, { data: { section: 'device', value: { ...device, language } } });
    expect(update.ok()).toBe(true);

    await mkdir('test-results/screens', { recursive: true });
    for (const screen of SCREENS) {
      await page.goto(`${kiosk.url}${screen.hash}`);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.locator('main')).not.toBeEmpty();
      await page.screenshot({ path: `test-results/screens/${language}-${screen.name}.png` });
      expect(await findOverflowingText(page), `${language} ${screen.name}`).toEqual([]);
    }
  });
}
