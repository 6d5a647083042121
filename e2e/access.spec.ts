import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { startKioskHost } from './kiosk-host';
import { EMAIL_CONFIGURATION, expect, findOverflowingText, tapMenuPath, test } from './fixtures';

test.use({ accessOpen: false });

async function tapDigits(page: import('@playwright/test').Page, code: string) {
  for (const digit of code) await page.getByRole('button', { name: digit, exact: true }).tap();
}

test('e-mail configuration asks the access code', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await tapMenuPath(page, EMAIL_CONFIGURATION);
  await expect(page.getByText("Niveau d'accès SPÉCIALISTE EN INFORMATIQUE")).toBeVisible();

  await tapDigits(page, '9999');
  await page.getByRole('button', { name: 'OK', exact: true }).tap();
  await expect(page.getByRole('alert')).toHaveText("Code d'accès incorrect.");
  await tapDigits(page, '12');
  await page.screenshot({ path: 'test-results/screens/fr-access-code.png' });
  await page.getByRole('button', { name: 'Effacer', exact: true }).tap();
  await page.getByRole('button', { name: 'Effacer', exact: true }).tap();

  await tapDigits(page, '1234');
  await page.getByRole('button', { name: 'OK', exact: true }).tap();
  await expect(page.getByRole('button', { name: 'E-mails actifs', exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('button', { name: 'E-mails actifs', exact: true })).toBeVisible();
});

test('cancel returns to the parent menu', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/main/communication/email/smtp`);
  await expect(page.getByText("Niveau d'accès SPÉCIALISTE EN INFORMATIQUE")).toBeVisible();
  await page.getByRole('button', { name: 'Annuler', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'Communication et interfaces' })).toBeVisible();
});

test('access code can be changed and is stored hashed', async ({ page, kiosk, request }) => {
  const wrong = await request.post(`${kiosk.url}api/changeAccessCode`, { data: { currentCode: '0000', newCode: '5678' } });
  expect(wrong.status()).toBe(400);
  expect((await wrong.json()).error.field).toBe('currentCode');

  const invalid = await request.post(`${kiosk.url}api/changeAccessCode`, { data: { currentCode: '1234', newCode: '12a4' } });
  expect((await invalid.json()).error.field).toBe('newCode');

  const changed = await request.post(`${kiosk.url}api/changeAccessCode`, { data: { currentCode: '1234', newCode: '5678' } });
  expect((await changed.json()).value).toEqual({ changed: true });
  const stored = await readFile(join(kiosk.dataDir, 'settings.json'), 'utf8');
  expect(stored).not.toContain('5678');
  expect(JSON.parse(stored).access.codeHash).toMatch(/^scrypt\$/);

  await page.goto(`${kiosk.url}#/main/communication/email`);
  await tapDigits(page, '1234');
  await page.getByRole('button', { name: 'OK', exact: true }).tap();
  await expect(page.getByRole('alert')).toHaveText("Code d'accès incorrect.");
  await tapDigits(page, '5678');
  await page.getByRole('button', { name: 'OK', exact: true }).tap();
  await expect(page.getByRole('button', { name: 'E-mails actifs', exact: true })).toBeVisible();
});

test('access code changes on the keypad', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}#/main/device`);
  await tapDigits(page, '1234');
  await page.getByRole('button', { name: 'OK', exact: true }).tap();
  await page.getByRole('button', { name: "Modifier le code d'accès", exact: true }).tap();
  await tapDigits(page, '1234');
  await page.getByRole('button', { name: 'OK', exact: true }).tap();
  await tapDigits(page, '24680');
  await page.getByRole('button', { name: 'OK', exact: true }).tap();
  await expect(page.getByRole('status').filter({ hasText: "Le code d'accès a été modifié." })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/fr-device-settings-code-changed.png' });

  const oldCode = await page.request.post(`${kiosk.url}api/verifyAccessCode`, { data: { code: '1234' } });
  expect((await oldCode.json()).value.granted).toBe(false);
  const newCode = await page.request.post(`${kiosk.url}api/verifyAccessCode`, { data: { code: '24680' } });
  expect((await newCode.json()).value.granted).toBe(true);
});

test('device settings ask the access code', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'Menu principal', exact: true }).tap();
  await page.getByRole('button', { name: "Réglages de l'appareil", exact: true }).tap();
  await expect(page.getByRole('button', { name: 'Mode démo', exact: true })).toHaveCount(0);
  await expect(page.getByRole('radiogroup', { name: 'Mode démo' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Annuler', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'Menu principal' })).toBeVisible();
});

test('back returns to the home view after its shortcut', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'Aperçu des alarmes', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'Aperçu des alarmes' })).toBeVisible();
  await page.getByRole('button', { name: 'Retour', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'Vue Accueil' })).toBeVisible();
});

test('five wrong codes lock further attempts', async ({ request, kiosk }) => {
  for (let attempt = 1; attempt <= 4; attempt++) {
    const reply = await request.post(`${kiosk.url}api/verifyAccessCode`, { data: { code: '0000' } });
    expect((await reply.json()).value).toEqual({ granted: false });
  }
  const fifth = await request.post(`${kiosk.url}api/verifyAccessCode`, { data: { code: '0000' } });
  expect((await fifth.json()).value).toEqual({ granted: false, retryAfterSeconds: 60 });
  const right = await request.post(`${kiosk.url}api/verifyAccessCode`, { data: { code: '1234' } });
  expect((await right.json()).value.granted).toBe(false);
});

test('remote browser needs the access code for everything', async ({ page }) => {
  const host = await startKioskHost(undefined, ['--require-access-code']);
  try {
    const refused = await page.request.post(`${host.url}api/getSettings`, { data: {} });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain('Access code required');

    await page.goto(host.url);
    await expect(page.getByText("Accès à distance : saisissez le code d'accès de l'appareil.")).toBeVisible();
    await tapDigits(page, '1234');
    await page.getByRole('button', { name: 'OK', exact: true }).tap();
    await expect(page.getByRole('button', { name: 'Menu principal', exact: true })).toBeVisible();
    const allowed = await page.request.post(`${host.url}api/getSettings`, { data: {} });
    expect(allowed.status()).toBe(200);
  } finally {
    await host.stop();
  }
});

test('foreign Host header is rejected', async ({ kiosk }) => {
  const status = await new Promise<number | undefined>((resolve, reject) => {
    const outgoing = httpRequest(
      `${kiosk.url}api/getSettings`,
      { method: 'POST', headers: { 'Content-Type': 'application/json', Host: 'attacker.example' } },
      (response) => {
        response.resume();
        resolve(response.statusCode);
      },
    );
    outgoing.on('error', reject);
    outgoing.end('{}');
  });
  expect(status).toBe(403);
});

for (const language of ['en', 'de'] as const) {
  test(`access keypad fits 800x480 in ${language}`, async ({ page, kiosk, request }) => {
    const settings = (await (await request.post(`${kiosk.url}api/getSettings`, { data: {} })).json()).value;
    const { softwareVersion: _readOnly, ...device } = settings.device;
    await request.post(`${kiosk.url}api/updateSettings`, { data: { section: 'device', value: { ...device, language } } });
    await page.goto(`${kiosk.url}#/main/communication/email`);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.screenshot({ path: `test-results/screens/${language}-access-code.png` });
    expect(await findOverflowingText(page)).toEqual([]);
  });
}
