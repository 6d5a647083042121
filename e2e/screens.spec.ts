import { mkdir } from 'node:fs/promises';
import { allMenuPaths } from '../shared/menu';
import { expect, findOverflowingText, test } from './fixtures';

/** Every screen and menu of the tree, as URL hashes, plus the home view ("#/"). */
const SCREENS: { name: string; hash: string }[] = [
  { name: 'home', hash: '#/' },
  ...allMenuPaths().map(({ path, node }) => ({ name: node.id, hash: `#/${['main', ...path].join('/')}` })),
];

const LANGUAGES = ['fr', 'en', 'de'] as const;

for (const language of LANGUAGES) {
  test(`every screen in ${language} fits 800x480`, async ({ page, kiosk, request }) => {
    const post = async (name: string, data: unknown) => {
      const response = await request.post(`${kiosk.url}api/${name}`, { data });
      expect(response.ok(), `${name}: ${await response.text()}`).toBe(true);
      return (await response.json()).value;
    };
    const settings = await post('getSettings', {});
    const { softwareVersion: _readOnly, ...device } = settings.device;
    await post('updateSettings', { section: 'device', value: { ...device, language } });

    // Alarms with long designations fill the home view, the status bar and the alarm overview.
    await post('raiseAlarm', { alarm: { kind: 'upper', value: 'ph' } });
    await post('raiseAlarm', { alarm: { kind: 'levelWarning', channel: 'redox', remainingLitres: 5 } });
    await post('cutFlow', {});

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
