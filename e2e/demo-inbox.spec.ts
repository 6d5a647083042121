import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import nodemailer from 'nodemailer';
import type { DemoServerStatus } from '../shared/demo-inbox';
import { expect, findOverflowingText, tapMenuPath, test } from './fixtures';
import { startKioskHost } from './kiosk-host';

const SCREENS_DIR = 'test-results/screens';
const DEMO_INBOX = ['Menu principal', 'Boîte de réception démo'];

async function callApi<T>(request: APIRequestContext, url: string, name: string, input: unknown = {}): Promise<T> {
  const response = await request.post(`${url}api/${name}`, { data: input });
  expect(response.status(), `${name} status`).toBe(200);
  const reply = (await response.json()) as { ok: boolean; value: T };
  expect(reply.ok, `${name} reply`).toBe(true);
  return reply.value;
}

/** Sends one e-mail to the demo server as the device does with the security mode "Aucune". */
async function sendMail(port: number, subject: string, text: string): Promise<void> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  try {
    await transport.sendMail({
      from: '"PM5 (démo)" <pm5-demo@example.com>',
      to: '"Technicien" <technicien@example.com>',
      subject,
      text,
    });
  } finally {
    transport.close();
  }
}

async function expectTouchSize(page: Page, name: string): Promise<void> {
  const box = await page.getByRole('button', { name, exact: true }).first().boundingBox();
  expect(box, `${name} is visible`).not.toBeNull();
  expect(box!.height, `${name} height`).toBeGreaterThanOrEqual(48);
}

const ALARM_TEXT = [
  'Appareil : PM5-démo',
  'Numéro de série : ADDA01234F12',
  '',
  'Alarme pH : valeur supérieure au seuil haut',
  'pH 7.92 (seuil 7.80)',
].join('\n');

test('received e-mail shows, opens and is emptied', async ({ page, kiosk, request }) => {
  await mkdir(SCREENS_DIR, { recursive: true });
  const status = await callApi<DemoServerStatus>(request, kiosk.url, 'getDemoServerStatus');
  expect(status.running).toBe(true);
  expect(status.host).toBe('127.0.0.1');
  expect(status.port).toBeGreaterThan(0);
  const port = status.port!;

  await page.goto(kiosk.url);
  await tapMenuPath(page, DEMO_INBOX);
  await expect(page.getByRole('heading', { name: 'Boîte de réception démo' })).toBeVisible();
  await expect(page.getByText("Aucun e-mail reçu. Les e-mails envoyés par l'appareil en mode démo s'affichent ici.")).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'serveur SMTP démo' })).toHaveText(
    `Le serveur SMTP démo est à l'écoute sur 127.0.0.1, port ${port}.`,
  );
  await expect(page.getByRole('button', { name: 'Vider la boîte de réception', exact: true })).toBeDisabled();
  await page.screenshot({ path: `${SCREENS_DIR}/fr-demo-inbox-empty.png` });

  // The list updates live: no reload between sending and looking.
  await sendMail(port, 'PM5-démo : Alarme pH', ALARM_TEXT);
  await sendMail(port, 'PM5-démo : Fin Alarme pH', 'Fin de l’alarme pH.');
  const list = page.getByRole('list', { name: 'Boîte de réception démo' });
  await expect(list.getByRole('button')).toHaveCount(2);
  const newest = list.getByRole('button').nth(0);
  const oldest = list.getByRole('button').nth(1);
  await expect(newest).toContainText('PM5-démo : Fin Alarme pH');
  await expect(oldest).toContainText('PM5-démo : Alarme pH');
  await expect(oldest).toContainText('PM5 (démo)');
  await expect(page.getByText('2 e-mails', { exact: true })).toBeVisible();
  await expectTouchSize(page, 'Vider la boîte de réception');
  expect((await oldest.boundingBox())!.height).toBeGreaterThanOrEqual(48);
  expect(await findOverflowingText(page)).toEqual([]);
  await page.screenshot({ path: `${SCREENS_DIR}/fr-demo-inbox.png` });

  await oldest.tap();
  const article = page.getByRole('article', { name: 'PM5-démo : Alarme pH' });
  await expect(article).toBeVisible();
  const headers = article.locator('dl');
  await expect(headers.locator('dt')).toHaveText(['De', 'À', 'Objet', 'Date']);
  await expect(headers.locator('dd').nth(0)).toHaveText('PM5 (démo) <pm5-demo@example.com>');
  await expect(headers.locator('dd').nth(1)).toHaveText('Technicien <technicien@example.com>');
  await expect(headers.locator('dd').nth(2)).toHaveText('PM5-démo : Alarme pH');
  await expect(headers.locator('dd').nth(3)).not.toHaveText('(sans date)');
  // mailparser ends the text body with the message's final line break.
  expect((await article.locator('pre').textContent())?.trimEnd()).toBe(ALARM_TEXT);
  await expectTouchSize(page, 'Retour à la liste');
  expect(await findOverflowingText(page)).toEqual([]);
  await page.screenshot({ path: `${SCREENS_DIR}/fr-demo-message.png` });

  await page.getByRole('button', { name: 'Retour à la liste', exact: true }).tap();
  await expect(list.getByRole('button')).toHaveCount(2);

  // Cancelling keeps the messages; confirming empties the inbox and its file.
  await page.getByRole('button', { name: 'Vider la boîte de réception', exact: true }).tap();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Supprimer les 2 e-mails reçus ?');
  await page.screenshot({ path: `${SCREENS_DIR}/fr-demo-inbox-clear.png` });
  await dialog.getByRole('button', { name: 'Annuler', exact: true }).tap();
  await expect(dialog).toHaveCount(0);
  await expect(list.getByRole('button')).toHaveCount(2);

  await page.getByRole('button', { name: 'Vider la boîte de réception', exact: true }).tap();
  await dialog.getByRole('button', { name: 'Supprimer', exact: true }).tap();
  await expect(page.getByText("Aucun e-mail reçu. Les e-mails envoyés par l'appareil en mode démo s'affichent ici.")).toBeVisible();
  expect(await callApi<unknown[]>(request, kiosk.url, 'listDemoInbox')).toEqual([]);
  // The list empties on the pushed event, which comes before the inbox file is written.
  const readStoredMessages = async () =>
    (JSON.parse(await readFile(join(kiosk.dataDir, 'demo-inbox.json'), 'utf8')) as { messages: unknown[] }).messages;
  await expect.poll(readStoredMessages).toEqual([]);
});

test('fresh start points SMTP at demo server', async ({ kiosk, request }) => {
  const status = await callApi<DemoServerStatus>(request, kiosk.url, 'getDemoServerStatus');
  const settings = await callApi<{ smtp: { server: string }; device: { demoMode: boolean } }>(request, kiosk.url, 'getSettings');
  expect(settings.device.demoMode).toBe(true);
  expect(settings.smtp.server).toBe(`127.0.0.1:${status.port}`);
});

test('message that is gone says so', async ({ kiosk, request }) => {
  const response = await request.post(`${kiosk.url}api/getDemoMessage`, { data: { id: 'no-such-message' } });
  expect(response.status()).toBe(400);
  const reply = (await response.json()) as { ok: boolean; error: { kind: string; field: string; i18nKey: string } };
  expect(reply.ok).toBe(false);
  expect(reply.error.kind).toBe('rejected');
  expect(reply.error.field).toBe('id');
  expect(reply.error.i18nKey).toBe('demo:message.notFound');
});

test('long message body scrolls', async ({ page, kiosk, request }) => {
  const status = await callApi<DemoServerStatus>(request, kiosk.url, 'getDemoServerStatus');
  const lines = Array.from({ length: 80 }, (_, index) => `Ligne ${index + 1} du rapport`);
  await sendMail(status.port!, 'Rapport long', lines.join('\n'));

  await page.goto(`${kiosk.url}#/main/demo-inbox`);
  await page.getByRole('listitem').getByRole('button').tap();
  const body = page.getByRole('article').locator('pre');
  await expect(body).toContainText('Ligne 80 du rapport');

  // The body box stays above the status bar and scrolls its text inside.
  const box = (await body.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(480 - 36);
  expect(await body.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  await body.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  expect(await body.evaluate((element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 1)).toBe(true);

  // The headers stay in place while the body scrolls.
  await expect(page.getByRole('article').locator('dl')).toBeInViewport();
});

test('busy demo port moves server and setting', async ({ page, request }) => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const busyPort = (blocker.address() as { port: number }).port;
  const host = await startKioskHost(undefined, ['--demo-smtp-port', String(busyPort)]);
  try {
    const status = await callApi<DemoServerStatus>(request, host.url, 'getDemoServerStatus');
    expect(status.running).toBe(true);
    expect(status.configuredPort).toBe(busyPort);
    expect(status.port).not.toBe(busyPort);
    const settings = await callApi<{ smtp: Record<string, unknown> }>(request, host.url, 'getSettings');
    expect(settings.smtp.server).toBe(`127.0.0.1:${status.port}`);

    await page.goto(`${host.url}#/main/demo-inbox`);
    const statusLine = page.getByRole('status').filter({ hasText: 'SMTP' });
    await expect(statusLine).toHaveText(`Le serveur SMTP démo est à l'écoute sur 127.0.0.1, port ${status.port}.`);

    // With the SMTP server set elsewhere, the screen names the address to enter.
    const { passwordSet: _passwordSet, ...smtp } = settings.smtp;
    await callApi(request, host.url, 'updateSettings', { section: 'smtp', value: { ...smtp, server: 'smtp.example.com:587' } });
    await expect(statusLine).toHaveText(
      `Le port ${busyPort} étant occupé, le serveur SMTP démo utilise le port ${status.port}. Saisissez 127.0.0.1:${status.port} comme serveur SMTP.`,
    );
  } finally {
    await host.stop();
    await new Promise((resolve) => blocker.close(resolve));
  }
});

for (const language of ['en', 'de'] as const) {
  test(`demo inbox in ${language} fits 800x480`, async ({ page, kiosk, request }) => {
    await mkdir(SCREENS_DIR, { recursive: true });
    const settings = await callApi<{ device: Record<string, unknown> }>(request, kiosk.url, 'getSettings');
    const { softwareVersion: _softwareVersion, ...device } = settings.device;
    await callApi(request, kiosk.url, 'updateSettings', { section: 'device', value: { ...device, language } });
    const status = await callApi<DemoServerStatus>(request, kiosk.url, 'getDemoServerStatus');
    await sendMail(status.port!, 'PM5-démo : Alarme pH', ALARM_TEXT);

    await page.goto(`${kiosk.url}#/main/demo-inbox`);
    const row = page.getByRole('listitem').getByRole('button');
    await expect(row).toHaveCount(1);
    expect(await findOverflowingText(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENS_DIR}/${language}-demo-inbox.png` });

    await row.tap();
    await expect(page.getByRole('article')).toBeVisible();
    expect(await findOverflowingText(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENS_DIR}/${language}-demo-message.png` });
  });
}
