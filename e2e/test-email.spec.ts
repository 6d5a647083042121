import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import {
  generateTestCertificate,
  startRawTestServer,
  startSmtpTestServer,
  type SmtpTestServer,
} from '../electron/mail/test-support';
import type { SmtpAccount } from '../shared/settings';
import { EMAIL_CONFIGURATION, expect, findOverflowingText, tapMenuPath, test } from './fixtures';

// "Envoyer un e-mail test" against real SMTP servers on 127.0.0.1. The first test enters the account
// and recipients on the editing screens, as a technician does; the others save them with the
// updateSettings request over HTTP, so that they test the test e-mail screen alone.

const USER = { name: 'pm5@example.com', password: 'Geheim-Pa55' };
const SCREENS_DIR = 'test-results/screens';
const LANGUAGES = ['fr', 'en', 'de'] as const;

const cleanups: (() => Promise<unknown>)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function smtpServer(config: Parameters<typeof startSmtpTestServer>[0]): Promise<SmtpTestServer> {
  const server = await startSmtpTestServer(config);
  cleanups.push(server.close);
  return server;
}

async function post<T>(request: APIRequestContext, url: string, name: string, data: unknown): Promise<T> {
  const response = await request.post(`${url}api/${name}`, { data });
  const body = await response.json();
  expect(response.ok(), `${name}: ${JSON.stringify(body)}`).toBe(true);
  return body.value as T;
}

/**
 * Saves the SMTP account, the password and two active recipients, and switches alarm e-mails off
 * so that only the test e-mail reaches the test server.
 */
async function configure(
  request: APIRequestContext,
  url: string,
  port: number,
  account: Partial<SmtpAccount> = {},
  password?: string,
): Promise<void> {
  const smtp: SmtpAccount = {
    senderAddress: 'pm5@example.com',
    senderName: 'PM5 (Meier/Munich)',
    server: `127.0.0.1:${port}`,
    security: 'none',
    userName: '',
    trustedCertificates: [],
    ...account,
  };
  await post(request, url, 'updateSettings', { section: 'smtp', value: smtp, ...(password ? { password: { set: password } } : {}) });
  await post(request, url, 'updateSettings', {
    section: 'recipients',
    value: [
      { address: 'technicien@example.com', active: true },
      { address: 'bureau@example.com', active: true },
      { address: '', active: false },
    ],
  });
  await post(request, url, 'updateSettings', { section: 'activeEmails', value: { alarms: false, noFlowSignal: false } });
}

async function setLanguage(page: Page, request: APIRequestContext, url: string, language: (typeof LANGUAGES)[number]) {
  const settings = await post<{ device: Record<string, unknown> }>(request, url, 'getSettings', {});
  const { softwareVersion: _readOnly, ...device } = settings.device;
  await post(request, url, 'updateSettings', { section: 'device', value: { ...device, language } });
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Screenshots the screen in each language and lists any text that overflows its box. */
async function captureInLanguages(page: Page, request: APIRequestContext, url: string, name: string) {
  await mkdir(SCREENS_DIR, { recursive: true });
  for (const language of LANGUAGES) {
    await setLanguage(page, request, url, language);
    const suffix = language === 'fr' ? '' : `-${language}`;
    await page.screenshot({ path: `${SCREENS_DIR}/test-email-${name}${suffix}.png` });
    expect(await findOverflowingText(page), `${name} in ${language}`).toEqual([]);
  }
  await setLanguage(page, request, url, 'fr');
}

/** Replaces the value of a field through its keyboard dialog, typing on the physical keyboard. */
async function editField(page: Page, label: string, value: string) {
  await page.getByRole('button', { name: label, exact: true }).tap();
  const dialog = page.getByRole('dialog', { name: label });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('End');
  const current = (await dialog.getByRole('textbox').textContent()) ?? '';
  for (let index = 0; index < current.length; index++) await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

async function choose(page: Page, group: string, choice: string) {
  const radio = page.getByRole('radiogroup', { name: group, exact: true }).getByRole('radio', { name: choice, exact: true });
  await radio.tap();
  await expect(radio).toHaveAttribute('aria-checked', 'true');
}

async function openTestEmail(page: Page, url: string) {
  await page.goto(url);
  await tapMenuPath(page, [...EMAIL_CONFIGURATION, 'Envoyer un e-mail test']);
  await expect(page.getByRole('heading', { name: 'Envoyer un e-mail test', exact: true })).toBeVisible();
}

const resultSection = (page: Page) => page.locator('.test-email__result');

test('test e-mail reaches the server with sender and subject', async ({ page, kiosk, request }) => {
  const server = await smtpServer({ mode: 'plain', user: USER });
  await page.goto(kiosk.url);
  await tapMenuPath(page, [...EMAIL_CONFIGURATION, 'E-mails actifs']);
  await choose(page, 'Alarmes', 'Inactif');
  await choose(page, 'Aucun signal de débit', 'Inactif');
  await page.getByRole('button', { name: 'Retour', exact: true }).tap();

  await page.getByRole('button', { name: 'Configuration des adresses e-mail de destinataires', exact: true }).tap();
  await editField(page, 'Destinataire e-mail 1', 'technicien@example.com');
  await editField(page, 'Destinataire e-mail 2', 'bureau@example.com');
  await choose(page, 'Destinataire e-mail 2', 'Actif');
  await page.getByRole('button', { name: 'Retour', exact: true }).tap();

  await page.getByRole('button', { name: 'Compte pour envoi e-mails (SMTP)', exact: true }).tap();
  await editField(page, "Adresse e-mail de l'expéditeur", 'pm5@example.com');
  await editField(page, "Nom de l'expéditeur", 'PM5 (Meier/Munich)');
  await editField(page, 'Serveur SMTP', `127.0.0.1:${server.port}`);
  await choose(page, 'Sécurité', 'Aucune');
  await editField(page, "Nom d'utilisateur SMTP", USER.name);
  await editField(page, 'Mot de passe SMTP', USER.password);
  await page.getByRole('button', { name: 'Envoyer un e-mail test', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'Envoyer un e-mail test', exact: true })).toBeVisible();

  const facts = page.locator('.test-email__facts');
  await expect(facts).toContainText(`127.0.0.1:${server.port}`);
  await expect(facts).toContainText('Aucune');
  await expect(facts).toContainText('PM5 (Meier/Munich) <pm5@example.com>');
  await expect(facts).toContainText('technicien@example.com');
  await expect(facts).toContainText('bureau@example.com');
  await mkdir(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENS_DIR}/test-email-setup.png` });
  expect(await findOverflowingText(page)).toEqual([]);

  await page.getByRole('button', { name: 'Envoyer', exact: true }).tap();
  await expect(page.getByRole('heading', { name: "L'e-mail test a été envoyé", exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Dernier essai : \d\d:\d\d$/ })).toBeVisible();
  await expect(resultSection(page)).toContainText('Accepté par le serveur pour : technicien@example.com');
  await expect(resultSection(page)).toContainText('Accepté par le serveur pour : bureau@example.com');
  await expect(resultSection(page)).toContainText(
    "Ceci ne garantit cependant pas que l'e-mail test a bien été reçu par les destinataires d'e-mail activés.",
  );

  expect(server.messages).toHaveLength(1);
  const message = server.messages[0]!;
  expect(message.from).toBe('pm5@example.com');
  expect(message.to).toEqual(['technicien@example.com', 'bureau@example.com']);
  expect(server.authAttempts.map((attempt) => attempt.username)).toEqual([USER.name]);
  const parsed = await simpleParser(message.raw);
  expect(parsed.from?.value).toEqual([{ name: 'PM5 (Meier/Munich)', address: 'pm5@example.com' }]);
  const to = Array.isArray(parsed.to) ? parsed.to.flatMap((entry) => entry.value) : (parsed.to?.value ?? []);
  expect(to.map((entry) => entry.address)).toEqual(['technicien@example.com', 'bureau@example.com']);
  // Durations use the decimal point, as the measurements and the device's e-mails do.
  await expect(resultSection(page).getByText(/^Durée : /)).toHaveText(/^Durée : \d+(\.\d)? s$/);
  const checkCode = /Code de contrôle : ([A-Z0-9]{6})/.exec((await resultSection(page).textContent()) ?? '')?.[1];
  expect(checkCode).toBeTruthy();
  expect(parsed.subject).toBe(`PM5-démo (PM5 (Meier/Munich)) : E-mail test ${checkCode}`);

  await captureInLanguages(page, request, kiosk.url, 'success');

  // The result stays after leaving the screen and coming back.
  await page.getByRole('button', { name: 'Retour', exact: true }).tap();
  await page.getByRole('button', { name: 'Envoyer un e-mail test', exact: true }).tap();
  await expect(page.getByRole('heading', { name: "L'e-mail test a été envoyé", exact: true })).toBeVisible();
});

test('SSL/TLS on a plain server is fixed in one tap', async ({ page, kiosk, request }) => {
  const server = await smtpServer({ mode: 'plain', authMethods: [] });
  await configure(request, kiosk.url, server.port, { security: 'ssl' });
  await openTestEmail(page, kiosk.url);
  await page.getByRole('button', { name: 'Envoyer', exact: true }).tap();

  const result = resultSection(page);
  await expect(page.getByRole('heading', { name: "Erreur lors du transfert de l'e-mail test", exact: true })).toBeVisible();
  await expect(result).toContainText('Le serveur ne parle pas SSL/TLS sur ce port : il répond en clair.');
  await expect(result).toContainText('Étape en échec : Chiffrement SSL/TLS');
  await expect(result.locator('> *').last()).toHaveText("can't connect to server!");
  // OpenSSL's message is cut to its error code, without the source file and line.
  await expect(result.locator('.test-email__detail')).toHaveText('Détail technique (en anglais) : ERR_SSL_WRONG_VERSION_NUMBER');
  await captureInLanguages(page, request, kiosk.url, 'failure-tls');

  await page.getByRole('button', { name: 'Régler la sécurité sur « Aucune »', exact: true }).tap();
  // The fix changed the setup, so the old failure gives way to the setup a new attempt uses.
  await expect(page.locator('.test-email__setup').getByRole('status')).toHaveText("Réglage enregistré. Envoyez l'e-mail test à nouveau pour le vérifier.");
  await expect(result).toHaveCount(0);
  await expect(page.locator('.test-email__facts')).toContainText('Aucune');
  await page.screenshot({ path: `${SCREENS_DIR}/test-email-fix-changed-setup.png` });
  expect(await findOverflowingText(page)).toEqual([]);
  const stored = JSON.parse(await readFile(join(kiosk.dataDir, 'settings.json'), 'utf8'));
  expect(stored.smtp.security).toBe('none');

  await page.getByRole('button', { name: 'Envoyer', exact: true }).tap();
  await expect(page.getByRole('heading', { name: "L'e-mail test a été envoyé", exact: true })).toBeVisible();
  expect(server.messages).toHaveLength(1);
});

test('refused recipient is listed, the other gets it', async ({ page, kiosk, request }) => {
  const server = await smtpServer({
    mode: 'plain',
    authMethods: [],
    recipientReply: (address) => (address === 'bureau@example.com' ? { code: 550, message: 'Mailbox unavailable' } : undefined),
  });
  await configure(request, kiosk.url, server.port);
  await openTestEmail(page, kiosk.url);
  await page.getByRole('button', { name: 'Envoyer', exact: true }).tap();

  await expect(page.getByRole('heading', { name: "L'e-mail test a été envoyé", exact: true })).toBeVisible();
  const refused = page.locator('.test-email__recipient--rejected');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('Refusé pour : bureau@example.com');
  await expect(refused).toContainText('550 Mailbox unavailable');
  await expect(refused.locator('.test-email__code')).toHaveText('SMTP_rcpt fail');
  await expect(page.locator('.test-email__recipient--accepted')).toContainText('technicien@example.com');
  expect(server.messages.map((message) => message.to)).toEqual([['technicien@example.com']]);
  await captureInLanguages(page, request, kiosk.url, 'partial');
});

test('wrong password ends with SMTP_from fail', async ({ page, kiosk, request }) => {
  const server = await smtpServer({ mode: 'plain', user: USER });
  await configure(request, kiosk.url, server.port, { userName: USER.name }, 'Falsches-Passwort');
  await openTestEmail(page, kiosk.url);
  await page.getByRole('button', { name: 'Envoyer', exact: true }).tap();

  const result = resultSection(page);
  await expect(result).toContainText("Le serveur a refusé le nom d'utilisateur ou le mot de passe.");
  await expect(result.locator('pre.test-email__reply')).toHaveText(/^535 /);
  await expect(result.locator('> *').last()).toHaveText('SMTP_from fail');
  expect(server.messages).toHaveLength(0);
  await captureInLanguages(page, request, kiosk.url, 'failure-auth');
});

test('self-signed certificate is trusted in one tap', async ({ page, kiosk, request }) => {
  const certificate = await generateTestCertificate('127.0.0.1');
  const server = await smtpServer({ mode: 'implicitTls', certificate, authMethods: [] });
  await configure(request, kiosk.url, server.port, { security: 'ssl' });
  await openTestEmail(page, kiosk.url);
  await page.getByRole('button', { name: 'Envoyer', exact: true }).tap();

  const result = resultSection(page);
  await expect(result).toContainText("Le certificat du serveur n'est pas signé par une autorité reconnue.");
  await expect(result).toContainText(`Empreinte SHA-256 : ${certificate.fingerprint256}`);
  await expect(result).toContainText('Certificat auto-signé');
  await expect(result.locator('> *').last()).toHaveText("can't connect to server!");
  await captureInLanguages(page, request, kiosk.url, 'failure-certificate');

  // The content scrolls: the trust button and the device code are below the fold.
  const trust = page.getByRole('button', { name: `Faire confiance à ce certificat pour 127.0.0.1:${server.port}`, exact: true });
  await trust.scrollIntoViewIfNeeded();
  await page.locator('.test-email__device-code').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS_DIR}/test-email-failure-certificate-end.png` });
  await trust.tap();
  await expect(result).toContainText('Réglage enregistré.');
  await page.screenshot({ path: `${SCREENS_DIR}/test-email-fix-applied.png` });
  await page.getByRole('button', { name: 'Envoyer à nouveau', exact: true }).tap();
  await expect(page.getByRole('heading', { name: "L'e-mail test a été envoyé", exact: true })).toBeVisible();
  expect(server.messages).toHaveLength(1);
  expect(server.messages[0]!.secure).toBe(true);
});

test('cancel ends a silent server attempt quickly', async ({ page, kiosk, request }) => {
  const silent = await startRawTestServer(() => undefined);
  cleanups.push(silent.close);
  await configure(request, kiosk.url, silent.port);
  await openTestEmail(page, kiosk.url);
  await page.getByRole('button', { name: 'Envoyer', exact: true }).tap();

  await expect(page.getByText('Accueil du serveur …', { exact: true })).toBeVisible();
  const bar = page.getByRole('progressbar', { name: 'Temps écoulé' });
  await expect(bar).toBeVisible();
  await expect(page.getByText(/^[1-9]\d* s écoulées? \(au maximum 45 s\)$/)).toBeVisible();
  // The bar fills with the elapsed share of the 45 s limit: a few seconds in, it is nearly empty.
  const seconds = Number(await bar.getAttribute('aria-valuenow'));
  expect(await bar.getAttribute('aria-valuemax')).toBe('45');
  const fillShare = await bar.evaluate((element) => (element.firstElementChild as HTMLElement).offsetWidth / element.clientWidth);
  expect(fillShare).toBeGreaterThan(0);
  expect(fillShare).toBeLessThan((seconds + 2) / 45);
  await mkdir(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENS_DIR}/test-email-progress.png` });
  expect(await findOverflowingText(page)).toEqual([]);

  // The attempt runs on the main side: leaving the screen and coming back shows it still running.
  await page.getByRole('button', { name: 'Retour', exact: true }).tap();
  await page.getByRole('button', { name: 'Envoyer un e-mail test', exact: true }).tap();
  await expect(page.getByText('Accueil du serveur …', { exact: true })).toBeVisible();

  const before = Date.now();
  await page.getByRole('button', { name: 'Annuler', exact: true }).tap();
  await expect(page.getByRole('heading', { name: "Envoi de l'e-mail test annulé", exact: true })).toBeVisible();
  expect(Date.now() - before).toBeLessThan(3_000);
  await expect(resultSection(page)).toContainText("Étape en cours lors de l'annulation : Accueil du serveur");
  await page.screenshot({ path: `${SCREENS_DIR}/test-email-cancelled.png` });
});

test('without an active recipient nothing is sent', async ({ page, kiosk, request }) => {
  await post(request, kiosk.url, 'updateSettings', {
    section: 'recipients',
    value: [
      { address: 'technicien@example.com', active: false },
      { address: '', active: false },
      { address: '', active: false },
    ],
  });
  await openTestEmail(page, kiosk.url);
  await expect(page.locator('.test-email__setup')).toContainText("Aucune adresse e-mail de destinataire n'est active.");
  await expect(page.getByRole('button', { name: 'Envoyer', exact: true })).toBeDisabled();

  const refused = await request.post(`${kiosk.url}api/startTestEmail`, { data: {} });
  const body = await refused.json();
  expect(body.ok).toBe(false);
  expect(body.error.i18nKey).toBe('mail:request.noRecipient');
  expect((await request.post(`${kiosk.url}api/getTestEmailStatus`, { data: {} }).then((reply) => reply.json())).value).toBeNull();
});

test('changed settings hide the last result', async ({ page, kiosk, request }) => {
  const server = await smtpServer({ mode: 'plain', authMethods: [] });
  await configure(request, kiosk.url, server.port);
  await openTestEmail(page, kiosk.url);
  await page.getByRole('button', { name: 'Envoyer', exact: true }).tap();
  await expect(page.getByRole('heading', { name: "L'e-mail test a été envoyé", exact: true })).toBeVisible();

  // Another server: the old success does not apply to it, so the setup shows with "Envoyer".
  await configure(request, kiosk.url, 1);
  const setup = page.locator('.test-email__setup');
  await expect(setup.locator('.test-email__facts')).toContainText('127.0.0.1:1');
  await expect(resultSection(page)).toHaveCount(0);
  await expect(page.getByText("L'e-mail test a été envoyé", { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Envoyer', exact: true })).toBeEnabled();

  // The same settings as the last attempt: its result is back, under the time it ran.
  await configure(request, kiosk.url, server.port);
  await expect(page.getByRole('heading', { name: "L'e-mail test a été envoyé", exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Dernier essai : \d\d:\d\d$/ })).toBeVisible();

  // Each field of the setup counts: password, user name and recipients.
  const changes: [string, () => Promise<unknown>][] = [
    ['password', () => configure(request, kiosk.url, server.port, {}, 'Geheim-Pa55')],
    ['sender', () => configure(request, kiosk.url, server.port, { senderName: 'PM5 (Lyon)' })],
    ['user name', () => configure(request, kiosk.url, server.port, { userName: USER.name })],
  ];
  for (const [field, change] of changes) {
    await change();
    await expect(resultSection(page), field).toHaveCount(0);
    await expect(setup, field).toBeVisible();
    // The password saved in the first change is not sent until a user name is set: the setup warns.
    await expect(setup.getByRole('note'), field).toHaveCount(field === 'user name' ? 0 : 1);
    if (field === 'password') await captureInLanguages(page, request, kiosk.url, 'password-unused');
  }

  // No active recipient: only the setup and its note, no old success above it.
  await post(request, kiosk.url, 'updateSettings', {
    section: 'recipients',
    value: [
      { address: 'technicien@example.com', active: false },
      { address: 'bureau@example.com', active: false },
      { address: '', active: false },
    ],
  });
  await expect(setup).toContainText("Aucune adresse e-mail de destinataire n'est active.");
  await expect(page.locator('.test-email__heading--ok')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Envoyer', exact: true })).toBeDisabled();
});

test('start rejection replaces the last result', async ({ page, kiosk, request }) => {
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const silent = await startRawTestServer(() => undefined);
  cleanups.push(silent.close);
  await configure(request, kiosk.url, silent.port);
  const api = (name: string, data: unknown = {}) => post<{ attemptId: string; state?: string }>(request, kiosk.url, name, data);

  // A cancelled attempt is the last result.
  const first = await api('startTestEmail');
  await api('cancelTestEmail', { attemptId: first.attemptId });

  // This window misses the events, as a window does for a moment when another one starts an attempt.
  await page.route('**/api/events', (route) => route.abort());
  await page.goto(`${kiosk.url}#/main/communication/email/test-email`);
  await expect(page.getByRole('heading', { name: "Envoi de l'e-mail test annulé", exact: true })).toBeVisible();
  const second = await api('startTestEmail');

  await page.getByRole('button', { name: 'Envoyer à nouveau', exact: true }).tap();
  await expect(page.getByRole('alert')).toHaveText(
    "L'e-mail test n'a pas été envoyé : Un e-mail test est déjà en cours d'envoi. Attendez le résultat ou annulez l'envoi.",
  );
  await expect(resultSection(page)).toHaveCount(0);
  await expect(page.locator('.test-email__setup')).toBeVisible();
  await page.screenshot({ path: `${SCREENS_DIR}/test-email-start-rejected.png` });
  expect(await findOverflowingText(page)).toEqual([]);
  await api('cancelTestEmail', { attemptId: second.attemptId });

  // The browser's network layer logs the HTTP 400 of the rejected request, but no script error may be logged.
  expect(pageErrors).toEqual([]);
  const otherErrors = consoleErrors.filter(
    (text) => !/^Failed to load resource: (the server responded with a status of 400\b|net::ERR_FAILED)/.test(text),
  );
  expect(otherErrors).toEqual([]);
  expect(consoleErrors.some((text) => text.includes('status of 400'))).toBe(true);
});

test('fix already saved is not offered again', async ({ page, kiosk, request }) => {
  const certificate = await generateTestCertificate('127.0.0.1');
  const server = await smtpServer({ mode: 'implicitTls', certificate, authMethods: [] });
  await configure(request, kiosk.url, server.port, { security: 'ssl' });
  await openTestEmail(page, kiosk.url);
  await page.getByRole('button', { name: 'Envoyer', exact: true }).tap();
  const trust = page.getByRole('button', { name: `Faire confiance à ce certificat pour 127.0.0.1:${server.port}`, exact: true });
  await expect(trust).toBeVisible();

  // The certificate is trusted from another window, and a reload clears the state this screen kept itself.
  await configure(request, kiosk.url, server.port, {
    security: 'ssl',
    trustedCertificates: [{ host: '127.0.0.1', port: server.port, fingerprint256: certificate.fingerprint256, validTo: certificate.validTo }],
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: "Erreur lors du transfert de l'e-mail test", exact: true })).toBeVisible();
  await expect(trust).toHaveCount(0);
  await expect(resultSection(page)).toContainText("Réglage enregistré. Envoyez l'e-mail test à nouveau pour le vérifier.");
  await expect(page.getByRole('button', { name: 'Envoyer à nouveau', exact: true })).toHaveCount(1);
});

test('silent server timeout is stated in French', async ({ page, kiosk, request }) => {
  const silent = await startRawTestServer(() => undefined);
  cleanups.push(silent.close);
  await configure(request, kiosk.url, silent.port);
  await openTestEmail(page, kiosk.url);
  await page.getByRole('button', { name: 'Envoyer', exact: true }).tap();

  // The greeting limit is 10 s, then a 3 s probe checks for an implicit-TLS port.
  const result = resultSection(page);
  await expect(result).toContainText("Le serveur n'a pas envoyé de message d'accueil.", { timeout: 20_000 });
  await expect(result.locator('.test-email__detail')).toHaveText("Délai dépassé : pas de message d'accueil en 10 s.");
  await expect(result).not.toContainText('within');
  await captureInLanguages(page, request, kiosk.url, 'failure-timeout');
});
