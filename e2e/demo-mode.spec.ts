import { mkdir } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import type { JournalEntry, OutboxEntry } from '../shared/alarm-email';
import type { InboxMessage, InboxSummary } from '../shared/demo-inbox';
import type { ScenarioStatus } from '../shared/device-contract';
import { EMAIL_CONFIGURATION, expect, findOverflowingText, tapMenuPath, test } from './fixtures';
import type { KioskHost } from './kiosk-host';

/**
 * Demo mode from a fresh installation: every test starts with an empty data folder and changes no
 * setting, so the test e-mail and the alarm e-mails reach the embedded demo SMTP server with the
 * factory settings alone.
 */

const SCREENS_DIR = 'test-results/screens';
const DEMO_INBOX = ['Menu principal', 'Boîte de réception démo'];
const DEMO_CONTROLS = ['Menu principal', 'Démo salon'];

async function callApi<T>(request: APIRequestContext, url: string, name: string, input: unknown = {}): Promise<T> {
  const response = await request.post(`${url}api/${name}`, { data: input });
  const reply = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  expect(reply.ok, `${name}: ${reply.error?.message ?? ''}`).toBe(true);
  return reply.value;
}

function tap(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true }).tap();
}

/** Collects console errors and uncaught exceptions of the page. */
function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Collects the lines that the web host logs at the error level on stderr. */
function watchHostErrors(kiosk: KioskHost): string[] {
  const errors: string[] = [];
  let pending = '';
  kiosk.process.stderr!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    errors.push(...lines.filter((line) => / error \[/.test(line)));
  });
  return errors;
}

/** Strips the angle brackets of a Message-ID, which the parser keeps and the outbox writes. */
function bareMessageId(messageId: string | null): string | null {
  return messageId === null ? null : messageId.replace(/^<|>$/g, '');
}

test('test e-mail lands in the demo inbox', async ({ page, kiosk, request }) => {
  const pageErrors = watchPageErrors(page);
  await page.goto(kiosk.url);
  await tapMenuPath(page, [...EMAIL_CONFIGURATION, 'Envoyer un e-mail test']);
  await expect(page.getByRole('heading', { name: 'Envoyer un e-mail test', exact: true })).toBeVisible();
  await tap(page, 'Envoyer');

  await expect(page.getByRole('heading', { name: "L'e-mail test a été envoyé", exact: true })).toBeVisible();
  const result = page.locator('.test-email__result');
  await expect(result).toContainText('Accepté par le serveur pour : technicien@example.com');
  const checkCode = /Code de contrôle : ([A-Z0-9]{6})/.exec((await result.textContent()) ?? '')?.[1];
  expect(checkCode, 'check code on the result screen').toBeTruthy();
  const subject = `PM5-démo (PM5 (démo)) : E-mail test ${checkCode}`;

  await tap(page, 'Accueil');
  await tapMenuPath(page, DEMO_INBOX);
  const list = page.getByRole('list', { name: 'Boîte de réception démo', exact: true });
  const row = list.getByRole('button');
  await expect(row).toHaveCount(1);
  await expect(row.locator('.demo-inbox__sender')).toHaveText('PM5 (démo)');
  await expect(row.locator('.demo-inbox__subject')).toHaveText(subject);
  expect(await findOverflowingText(page)).toEqual([]);
  await mkdir(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENS_DIR}/demo-inbox-test-email.png` });

  await row.tap();
  const article = page.getByRole('article', { name: subject, exact: true });
  await expect(article).toBeVisible();
  const headers = article.locator('dl');
  await expect(headers.locator('dt')).toHaveText(['De', 'À', 'Objet', 'Date']);
  await expect(headers.locator('dd').nth(0)).toHaveText('PM5 (démo) <pm5-demo@example.com>');
  await expect(headers.locator('dd').nth(1)).toHaveText('technicien@example.com');
  await expect(headers.locator('dd').nth(2)).toHaveText(subject);
  await expect(article.locator('pre')).toContainText(checkCode!);
  expect(await findOverflowingText(page)).toEqual([]);
  await page.screenshot({ path: `${SCREENS_DIR}/demo-message-test-email.png` });

  // The stored message matches the screen, and its envelope names the factory sender and recipient.
  const [summary] = await callApi<InboxSummary[]>(request, kiosk.url, 'listDemoInbox');
  const message = await callApi<InboxMessage>(request, kiosk.url, 'getDemoMessage', { id: summary!.id });
  expect(message.envelope).toEqual({ mailFrom: 'pm5-demo@example.com', rcptTo: ['technicien@example.com'] });
  expect(message.from).toEqual({ name: 'PM5 (démo)', address: 'pm5-demo@example.com' });
  expect(message.subject).toBe(subject);
  expect(pageErrors).toEqual([]);
});

test('level warning e-mail matches the device format', async ({ page, kiosk, request }) => {
  const pageErrors = watchPageErrors(page);
  await page.goto(kiosk.url);
  await tapMenuPath(page, DEMO_CONTROLS);
  await tap(page, 'Déclencher : Avertissement de niveau rédox (5.0 l)');

  const subject = 'PM5-démo (PM5 (démo)) : Avertissement de niveau rédox (5.0 l)';
  await expect
    .poll(async () => (await callApi<InboxSummary[]>(request, kiosk.url, 'listDemoInbox')).map((entry) => entry.subject), { timeout: 15_000 })
    .toEqual([subject]);
  const [summary] = await callApi<InboxSummary[]>(request, kiosk.url, 'listDemoInbox');
  const message = await callApi<InboxMessage>(request, kiosk.url, 'getDemoMessage', { id: summary!.id });
  expect(message.subject).toBe(subject);
  expect(message.from).toEqual({ name: 'PM5 (démo)', address: 'pm5-demo@example.com' });
  expect(message.envelope.rcptTo).toEqual(['technicien@example.com']);

  // The text body as the device writes it. The parser ends it with the message's final line break.
  const lines = message.text.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} :$/);
  expect(lines.slice(1, 6)).toEqual([
    'Avertissement de niveau rédox (5.0 l)',
    '',
    "Aperçu de l'alarme :",
    'Avertissement de niveau rédox (5.0 l)',
    '',
  ]);
  expect(lines[6]).toMatch(/^pH \d{1,2}\.\d{2} \[pH\]$/);
  expect(lines[7]).toMatch(/^mV -?\d{1,4} \[mV\]$/);
  expect(lines[8]).toMatch(/^T1 \(eau de mesure\) -?\d{1,2}\.\d \[°C\]$/);
  expect(lines.slice(9)).toEqual([
    '',
    'BAYROL PoolManager chlore (Cl)',
    'PM5-démo (PM5 (démo))',
    "N° de série de l'appareil : ADDA01234F12",
    'PM5 version du logiciel : v140325-M1 (5.3.0)',
  ]);

  // The same message on screen, reached from the menu.
  await tap(page, 'Retour');
  await tap(page, 'Boîte de réception démo');
  const row = page.getByRole('list', { name: 'Boîte de réception démo', exact: true }).getByRole('button');
  await expect(row).toHaveCount(1);
  await expect(row.locator('.demo-inbox__sender')).toHaveText('PM5 (démo)');
  await expect(row.locator('.demo-inbox__subject')).toHaveText(subject);
  expect(await findOverflowingText(page)).toEqual([]);
  await mkdir(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENS_DIR}/demo-inbox-alarm.png` });

  await row.tap();
  const article = page.getByRole('article', { name: subject, exact: true });
  await expect(article).toBeVisible();
  const headers = article.locator('dl');
  await expect(headers.locator('dd').nth(0)).toHaveText('PM5 (démo) <pm5-demo@example.com>');
  await expect(headers.locator('dd').nth(1)).toHaveText('technicien@example.com');
  await expect(headers.locator('dd').nth(2)).toHaveText(subject);
  expect((await article.locator('pre').textContent())?.trimEnd()).toBe(message.text.trimEnd());
  expect(await findOverflowingText(page)).toEqual([]);
  await page.screenshot({ path: `${SCREENS_DIR}/demo-message-alarm.png` });
  expect(pageErrors).toEqual([]);
});

test('automatic scenario delivers to the demo inbox', async ({ page, kiosk, request }) => {
  test.setTimeout(120_000);
  const pageErrors = watchPageErrors(page);
  const hostErrors = watchHostErrors(kiosk);
  await page.goto(kiosk.url);
  await tapMenuPath(page, DEMO_CONTROLS);
  await page.getByRole('tab', { name: 'Scénario automatique', exact: true }).tap();
  const status = page.getByRole('tabpanel').getByRole('status');
  await expect(status).toContainText('Scénario automatique arrêté');

  // The screen starts the scenario with its default spacing of 20 s.
  await tap(page, 'Démarrer le scénario automatique');
  await expect(status).toContainText('Scénario automatique en cours');
  await expect(status).toContainText('Une étape toutes les 20 s');
  expect((await callApi<ScenarioStatus>(request, kiosk.url, 'getScenarioStatus')).stepSeconds).toBe(20);

  // The screen has no setting for the spacing, and at 20 s a minute covers only the first four
  // steps, which send one or two e-mails. A running scenario starts over with a new spacing, so
  // starting it again over HTTP with 2 s runs a whole round of ten steps within the minute.
  await callApi<ScenarioStatus>(request, kiosk.url, 'startScenario', { stepSeconds: 2 });
  await expect(status).toContainText('Une étape toutes les 2 s');

  const statuses: ScenarioStatus[] = [];
  const runUntil = Date.now() + 60_000;
  while (Date.now() < runUntil) {
    statuses.push(await callApi<ScenarioStatus>(request, kiosk.url, 'getScenarioStatus'));
    await page.waitForTimeout(1_000);
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
  await tap(page, 'Arrêter le scénario');
  await expect(status).toContainText('Scénario automatique arrêté');
  const stopped = await callApi<ScenarioStatus>(request, kiosk.url, 'getScenarioStatus');
  expect(stopped.running).toBe(false);
  expect(stopped.nextStepAt).toBeNull();

  // It ran all along, went through every step of one round and logged no failed step.
  expect(statuses.length).toBeGreaterThanOrEqual(50);
  expect(statuses.filter((entry) => !entry.running)).toEqual([]);
  expect(statuses.every((entry) => entry.stepSeconds === 2)).toBe(true);
  expect(stopped.rounds).toBeGreaterThanOrEqual(1);
  expect(hostErrors).toEqual([]);

  // Every attempt was accepted, and each alarm e-mail arrived in the demo inbox.
  await expect
    .poll(async () => (await callApi<OutboxEntry[]>(request, kiosk.url, 'listOutbox')).filter((entry) => entry.status === 'pending').length, {
      timeout: 15_000,
    })
    .toBe(0);
  const journal = await callApi<JournalEntry[]>(request, kiosk.url, 'getJournal');
  expect(journal.filter((entry) => entry.result.outcome !== 'accepted')).toEqual([]);
  expect(journal.filter((entry) => entry.result.rejected.length > 0)).toEqual([]);
  const alarmEntries = journal.filter((entry) => entry.kind === 'alarm');
  expect(alarmEntries.length).toBeGreaterThanOrEqual(3);

  const summaries = await callApi<InboxSummary[]>(request, kiosk.url, 'listDemoInbox');
  const messages = await Promise.all(
    summaries.map((summary) => callApi<InboxMessage>(request, kiosk.url, 'getDemoMessage', { id: summary.id })),
  );
  const received = new Map(messages.map((message) => [bareMessageId(message.messageId), message]));
  for (const entry of alarmEntries) {
    const message = received.get(bareMessageId(entry.messageId));
    expect(message, `${entry.subject} ${entry.messageId} in the demo inbox`).toBeDefined();
    expect(message!.subject).toBe(entry.subject);
  }

  // The journal screen lists the same attempts, all accepted.
  await tap(page, 'Retour');
  await tap(page, 'Journal des e-mails');
  const journalLines = page.locator('.journal__entry');
  await expect(journalLines).toHaveCount(journal.length);
  await expect(journalLines.filter({ hasText: 'Accepté par le serveur' })).toHaveCount(journal.length);
  expect(pageErrors).toEqual([]);
});
