import { test as base, expect, type Page } from '@playwright/test';
import { startKioskHost, type KioskHost } from './kiosk-host';

/** Each test gets its own web host and data folder, so that tests never share settings. */
export const test = base.extend<{ kiosk: KioskHost }>({
  kiosk: async ({}, use) => {
    const host = await startKioskHost();
    await use(host);
    await host.stop();
  },
});

export { expect };

/** Taps the buttons of a path of menu labels, starting from the home view. */
export async function tapMenuPath(page: Page, labels: string[]): Promise<void> {
  for (const label of labels) await page.getByRole('button', { name: label, exact: true }).tap();
}

export const EMAIL_CONFIGURATION = ['Menu principal', 'Communication et interfaces', 'Configuration e-mail'];
