import { mkdir } from 'node:fs/promises';
import { expect, findOverflowingText, test } from './fixtures';

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
