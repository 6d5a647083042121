import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startKioskHost, makeDataDir } from './kiosk-host';
import { EMAIL_CONFIGURATION, expect, tapMenuPath, test } from './fixtures';

test('active e-mails setting survives a reload', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await tapMenuPath(page, [...EMAIL_CONFIGURATION, 'E-mails actifs']);
  await expect(page.getByRole('heading', { name: 'E-mails actifs' })).toBeVisible();

  const alarms = page.getByRole('radiogroup', { name: 'Alarmes' });
  await alarms.getByRole('radio', { name: 'Inactif', exact: true }).tap();
  await expect(alarms.getByRole('radio', { name: 'Inactif', exact: true })).toHaveAttribute('aria-checked', 'true');
  await alarms.getByRole('radio', { name: 'Actif', exact: true }).tap();
  await expect(alarms.getByRole('radio', { name: 'Actif', exact: true })).toHaveAttribute('aria-checked', 'true');

  await page.reload();
  await expect(page.getByRole('radiogroup', { name: 'Alarmes' }).getByRole('radio', { name: 'Actif', exact: true })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  const stored = JSON.parse(await readFile(join(kiosk.dataDir, 'settings.json'), 'utf8'));
  expect(stored.activeEmails.alarms).toBe(true);

  await page.getByRole('radiogroup', { name: 'Aucun signal de débit' }).getByRole('radio', { name: 'Inactif', exact: true }).tap();
  await expect
    .poll(async () => JSON.parse(await readFile(join(kiosk.dataDir, 'settings.json'), 'utf8')).activeEmails.noFlowSignal)
    .toBe(false);
});

test('e-mail configuration lists the four entries of the manual', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await tapMenuPath(page, EMAIL_CONFIGURATION);
  const entries = page.getByRole('navigation', { name: 'Configuration e-mail' }).getByRole('button');
  await expect(entries).toHaveText([
    'Configuration des adresses e-mail de destinataires',
    'Compte pour envoi e-mails (SMTP)',
    'E-mails actifs',
    'Envoyer un e-mail test',
  ]);
  await page.getByRole('button', { name: 'Retour' }).tap();
  await expect(page.getByRole('heading', { name: 'Communication et interfaces' })).toBeVisible();
  await page.getByRole('button', { name: 'Accueil' }).tap();
  await expect(page.getByRole('heading', { name: 'Vue Accueil' })).toBeVisible();
});

test('a change shows live in a second browser', async ({ page, kiosk, context }) => {
  const other = await context.newPage();
  await other.goto(`${kiosk.url}#/main/communication/email/active-emails`);
  await page.goto(`${kiosk.url}#/main/communication/email/active-emails`);
  const otherAlarms = other.getByRole('radiogroup', { name: 'Alarmes' });
  await expect(otherAlarms.getByRole('radio', { name: 'Actif', exact: true })).toHaveAttribute('aria-checked', 'true');

  await page.getByRole('radiogroup', { name: 'Alarmes' }).getByRole('radio', { name: 'Inactif', exact: true }).tap();
  await expect(otherAlarms.getByRole('radio', { name: 'Inactif', exact: true })).toHaveAttribute('aria-checked', 'true');
  await other.close();
});

test('corrupt settings file gives a notice and is kept', async ({ page }) => {
  const dataDir = await makeDataDir();
  await writeFile(join(dataDir, 'settings.json'), '{"schemaVersion": 1, "recipients": [', 'utf8');
  const host = await startKioskHost(dataDir);
  try {
    await page.goto(host.url);
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('Le fichier de réglages était illisible');
    const backup = /settings\.json\.corrupt-[\w-]+/.exec((await notice.textContent()) ?? '')?.[0];
    expect(backup).toBeTruthy();
    expect(await readFile(join(dataDir, backup!), 'utf8')).toBe('{"schemaVersion": 1, "recipients": [');

    await page.getByRole('button', { name: 'Compris' }).tap();
    await expect(page.getByRole('alert')).toHaveCount(0);
    const stored = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));
    expect(stored.schemaVersion).toBe(1);
  } finally {
    await host.stop();
  }
});

test('invalid request gets a 400 naming the field', async ({ request, kiosk }) => {
  const invalid = await request.post(`${kiosk.url}api/updateSettings`, {
    data: { section: 'activeEmails', value: { alarms: 'oui', noFlowSignal: true } },
  });
  expect(invalid.status()).toBe(400);
  const body = await invalid.json();
  expect(body.error.field).toBe('value.alarms');
  expect(body.error.message).toContain('value.alarms');

  const malformed = await request.post(`${kiosk.url}api/updateSettings`, {
    headers: { 'Content-Type': 'application/json' },
    data: Buffer.from('{"section": '),
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.message).toContain('Invalid JSON');

  const unknown = await request.post(`${kiosk.url}api/formatDisk`, { data: {} });
  expect(unknown.status()).toBe(404);

  const stillServing = await request.post(`${kiosk.url}api/getSettings`, { data: {} });
  expect(stillServing.status()).toBe(200);
  expect((await stillServing.json()).value.activeEmails.alarms).toBe(true);
});
