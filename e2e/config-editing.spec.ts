import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { keyboard as keyboardStrings } from '../shared/i18n/keyboard';
import { KEYBOARD_MODES, layoutFor, nextMode, type KeyboardMode } from '../renderer/keyboard/layouts';
import type { Language, SettingsFile } from '../shared/settings';
import { EMAIL_CONFIGURATION, expect, findOverflowingText, tapMenuPath, test } from './fixtures';
import type { KioskHost } from './kiosk-host';

/**
 * Editing the e-mail configuration by touch at 800x480: the keyboard dialog, the recipients and
 * SMTP account screens, and the provider presets. Every tap is a touch tap; settings.json is read
 * to check what was saved.
 */

const RECIPIENTS_HASH = '#/main/communication/email/recipients';
const SMTP_HASH = '#/main/communication/email/smtp';
const SCREENS_DIR = 'test-results/screens';

const FRENCH_KEYS = keyboardStrings.fr.keyNames;

async function readSettings(kiosk: KioskHost): Promise<SettingsFile> {
  return JSON.parse(await readFile(join(kiosk.dataDir, 'settings.json'), 'utf8')) as SettingsFile;
}

async function setLanguage(request: APIRequestContext, kiosk: KioskHost, language: Language): Promise<void> {
  const settings = (await (await request.post(`${kiosk.url}api/getSettings`, { data: {} })).json()).value;
  const { softwareVersion: _readOnly, ...device } = settings.device;
  const reply = await request.post(`${kiosk.url}api/updateSettings`, { data: { section: 'device', value: { ...device, language } } });
  expect(reply.ok()).toBe(true);
}

function keyButton(page: Page, name: string) {
  return page.getByRole('dialog').getByRole('button', { name, exact: true });
}

function modeKeys(language: Language, mode: KeyboardMode): Set<string> {
  return new Set(layoutFor(language, mode).default.flatMap((row) => row.split(' ')));
}

/** Returns the shortest sequence of Shift and Alt taps from one mode to another. */
function modePath(from: KeyboardMode, to: KeyboardMode): ('{shift}' | '{alt}')[] {
  const queue: { mode: KeyboardMode; path: ('{shift}' | '{alt}')[] }[] = [{ mode: from, path: [] }];
  const seen = new Set<KeyboardMode>([from]);
  while (queue.length > 0) {
    const { mode, path } = queue.shift()!;
    if (mode === to) return path;
    for (const key of ['{shift}', '{alt}'] as const) {
      const next = nextMode(mode, key);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push({ mode: next, path: [...path, key] });
      }
    }
  }
  throw new Error(`no key sequence leads from ${from} to ${to}`);
}

/**
 * Types text by tapping the on-screen keys of the French layouts, pressing Shift or Alt whenever
 * the next character is on another layout, the way a user would. Returns the mode it ends in.
 */
async function typeByTouch(page: Page, text: string, startMode: KeyboardMode = 'letters'): Promise<KeyboardMode> {
  let mode = startMode;
  for (const character of text) {
    if (character === ' ') {
      await keyButton(page, FRENCH_KEYS.space).tap();
      continue;
    }
    if (!modeKeys('fr', mode).has(character)) {
      const target = KEYBOARD_MODES.find((candidate) => modeKeys('fr', candidate).has(character));
      if (!target) throw new Error(`no French layout has the key "${character}"`);
      for (const key of modePath(mode, target)) {
        await keyButton(page, key === '{shift}' ? FRENCH_KEYS.shift : FRENCH_KEYS.alt).tap();
        mode = nextMode(mode, key);
      }
    }
    await keyButton(page, character).tap();
  }
  return mode;
}

/** Empties the dialog's value with one Effacer tap per character. */
async function clearByTouch(page: Page): Promise<void> {
  const length = ((await page.getByRole('dialog').getByRole('textbox').textContent()) ?? '').length;
  for (let index = 0; index < length; index++) await keyButton(page, FRENCH_KEYS.backspace).tap();
  await expect(page.getByRole('dialog').getByRole('textbox')).toHaveText('');
}

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENS_DIR}/editing-${name}.png` });
}

test.describe('recipients', () => {
  test('address typed by touch survives a reload', async ({ page, kiosk }) => {
    await page.goto(`${kiosk.url}${RECIPIENTS_HASH}`);
    const activeSwitch = page.getByRole('radiogroup', { name: 'Destinataire e-mail 1', exact: true });
    await activeSwitch.getByRole('radio', { name: 'Inactif', exact: true }).tap();
    await expect(activeSwitch.getByRole('radio', { name: 'Inactif', exact: true })).toHaveAttribute('aria-checked', 'true');
    expect((await readSettings(kiosk)).recipients[0]?.active).toBe(false);

    await page.getByRole('button', { name: 'Destinataire e-mail 1', exact: true }).tap();
    const dialog = page.getByRole('dialog', { name: 'Destinataire e-mail 1' });
    await expect(dialog).toBeVisible();
    await clearByTouch(page);

    await typeByTouch(page, 'name1');
    // '@' is only on the Shift layout, at the top left; Shift again returns to the letters.
    await keyButton(page, FRENCH_KEYS.shift).tap();
    await expect(keyButton(page, FRENCH_KEYS.shift)).toHaveAttribute('aria-pressed', 'true');
    await keyButton(page, '@').tap();
    await keyButton(page, FRENCH_KEYS.shift).tap();
    await expect(keyButton(page, FRENCH_KEYS.shift)).toHaveAttribute('aria-pressed', 'false');
    await typeByTouch(page, 't-online.de');
    await expect(dialog.getByRole('textbox')).toHaveText('name1@t-online.de');
    await keyButton(page, 'OK').tap();
    await expect(dialog).toBeHidden();

    await activeSwitch.getByRole('radio', { name: 'Actif', exact: true }).tap();
    await expect(activeSwitch.getByRole('radio', { name: 'Actif', exact: true })).toHaveAttribute('aria-checked', 'true');
    expect((await readSettings(kiosk)).recipients[0]).toEqual({ address: 'name1@t-online.de', active: true });

    await page.getByRole('button', { name: 'Retour', exact: true }).tap();
    await page.getByRole('button', { name: 'Configuration des adresses e-mail de destinataires', exact: true }).tap();
    await page.reload();
    const row = page.getByRole('button', { name: 'Destinataire e-mail 1', exact: true });
    await expect(row).toContainText('name1@t-online.de');
    await expect(
      page.getByRole('radiogroup', { name: 'Destinataire e-mail 1', exact: true }).getByRole('radio', { name: 'Actif', exact: true }),
    ).toHaveAttribute('aria-checked', 'true');
  });

  test('caret tap inserts a missing letter', async ({ page, kiosk }) => {
    await page.goto(`${kiosk.url}${RECIPIENTS_HASH}`);
    await page.getByRole('button', { name: 'Destinataire e-mail 2', exact: true }).tap();
    const value = page.getByRole('dialog').getByRole('textbox');
    await typeByTouch(page, 'name1@t-onlne.de');
    await expect(value).toHaveText('name1@t-onlne.de');

    // Touching the left half of the second "n" of "onlne" puts the caret before it.
    await value.locator('[data-start="11"]').tap({ position: { x: 2, y: 10 } });
    await keyButton(page, 'i').tap();
    await expect(value).toHaveText('name1@t-online.de');
    // The caret stays after the inserted letter.
    await keyButton(page, 'x').tap();
    await expect(value).toHaveText('name1@t-onlixne.de');
    await keyButton(page, FRENCH_KEYS.backspace).tap();

    // Touching right of the text puts the caret at the end.
    const box = (await value.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width - 6, box.y + box.height / 2);
    await keyButton(page, 'x').tap();
    await expect(value).toHaveText('name1@t-online.dex');
    await keyButton(page, FRENCH_KEYS.backspace).tap();

    await keyButton(page, 'OK').tap();
    await expect(page.getByRole('dialog')).toBeHidden();
    expect((await readSettings(kiosk)).recipients[1]?.address).toBe('name1@t-online.de');
  });

  test('invalid address is shown and not saved', async ({ page, kiosk, request }) => {
    await page.goto(`${kiosk.url}${RECIPIENTS_HASH}`);
    const before = await readSettings(kiosk);
    await page.getByRole('button', { name: 'Destinataire e-mail 3', exact: true }).tap();
    await typeByTouch(page, 'name3gmx.com');
    await keyButton(page, 'OK').tap();

    const dialog = page.getByRole('dialog', { name: 'Destinataire e-mail 3' });
    await expect(dialog.getByRole('alert')).toHaveText(
      "L'adresse « name3gmx.com » ne contient pas de « @ ». Exemple : nom@fournisseur.fr (le « @ » se trouve sur le clavier Maj., en haut à gauche)",
    );
    await expect(dialog).toBeVisible();
    await screenshot(page, 'fr-dialog-missing-at');
    expect(await readSettings(kiosk)).toEqual(before);

    await keyButton(page, 'Annuler').tap();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Destinataire e-mail 3', exact: true })).toContainText('(aucune adresse)');

    // An active recipient needs an address.
    const activeSwitch = page.getByRole('radiogroup', { name: 'Destinataire e-mail 3', exact: true });
    await activeSwitch.getByRole('radio', { name: 'Actif', exact: true }).tap();
    await expect(page.getByRole('alert')).toHaveText(
      "Le destinataire e-mail 3 est actif mais n'a pas d'adresse. Saisissez une adresse ou réglez-le sur Inactif.",
    );
    await expect(activeSwitch.getByRole('radio', { name: 'Inactif', exact: true })).toHaveAttribute('aria-checked', 'true');
    expect(await readSettings(kiosk)).toEqual(before);

    // The main side rejects the same values when a request skips the dialog.
    const reply = await request.post(`${kiosk.url}api/updateSettings`, {
      data: {
        section: 'recipients',
        value: [before.recipients[0], before.recipients[1], { address: 'name3gmx.com', active: false }],
      },
    });
    const body = await reply.json();
    expect(body.ok).toBe(false);
    expect(body.error.kind).toBe('rejected');
    expect(body.error.field).toBe('value.2.address');
    expect(body.error.i18nKey).toBe('validation:address.missingAt');
    expect(await readSettings(kiosk)).toEqual(before);
  });

  test('held Effacer repeats and stops on release', async ({ page, kiosk }) => {
    await page.goto(`${kiosk.url}${RECIPIENTS_HASH}`);
    await page.getByRole('button', { name: 'Destinataire e-mail 1', exact: true }).tap();
    const value = page.getByRole('dialog').getByRole('textbox');
    await expect(value).toHaveText('technicien@example.com');

    const key = (await keyButton(page, FRENCH_KEYS.backspace).boundingBox())!;
    const point = { x: key.x + key.width / 2, y: key.y + key.height / 2 };
    const session = await page.context().newCDPSession(page);
    await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await page.waitForTimeout(1_000);
    await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });

    const afterRelease = ((await value.textContent()) ?? '').length;
    expect(afterRelease).toBeLessThan('technicien@example.com'.length - 1);
    expect(afterRelease).toBeGreaterThan(0);
    await page.waitForTimeout(400);
    expect(((await value.textContent()) ?? '').length).toBe(afterRelease);
    await keyButton(page, 'Annuler').tap();
    expect((await readSettings(kiosk)).recipients[0]?.address).toBe('technicien@example.com');
  });
});

test.describe('SMTP account', () => {
  test('sender name typed with the Alt layout', async ({ page, kiosk }) => {
    await page.goto(`${kiosk.url}${SMTP_HASH}`);
    await page.getByRole('button', { name: "Nom de l'expéditeur", exact: true }).tap();
    await clearByTouch(page);

    await typeByTouch(page, 'Piscine Th');
    // "é" and "è" are on the first Alt layout, the French accents.
    await keyButton(page, FRENCH_KEYS.alt).tap();
    await expect(page.getByRole('dialog')).toContainText('Accents français');
    await keyButton(page, 'é').tap();
    await keyButton(page, FRENCH_KEYS.shift).tap();
    await keyButton(page, FRENCH_KEYS.shift).tap();
    await typeByTouch(page, 'r');
    await keyButton(page, FRENCH_KEYS.alt).tap();
    await keyButton(page, 'è').tap();
    const mode = await typeByTouch(page, 'se (Genève)', 'french');
    expect(mode).toBe('shift');

    const value = page.getByRole('dialog').getByRole('textbox');
    await expect(value).toHaveText('Piscine Thérèse (Genève)');
    await keyButton(page, 'OK').tap();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByRole('button', { name: "Nom de l'expéditeur", exact: true })).toContainText('Piscine Thérèse (Genève)');
    expect((await readSettings(kiosk)).smtp.senderName).toBe('Piscine Thérèse (Genève)');
  });

  test('maximum length rejects whole keys', async ({ page, kiosk }) => {
    await page.goto(`${kiosk.url}${SMTP_HASH}`);
    await page.getByRole('button', { name: "Nom de l'expéditeur", exact: true }).tap();
    const value = page.getByRole('dialog').getByRole('textbox');
    await page.keyboard.press('End');
    for (let index = 0; index < 10; index++) await page.keyboard.press('Backspace');
    await expect(value).toHaveText('');
    await page.keyboard.type('x'.repeat(61));
    await expect(page.getByRole('dialog')).toContainText('61 sur 64 caractères');

    // ".com" would make 65 characters, so it is rejected whole; ".fr" fits exactly.
    for (let index = 0; index < 5; index++) await keyButton(page, FRENCH_KEYS.alt).tap();
    await expect(page.getByRole('dialog')).toContainText('Symboles');
    await keyButton(page, '.com').tap();
    await expect(page.getByRole('dialog').getByRole('status')).toHaveText('Longueur maximale atteinte : 64 caractères.');
    await expect(page.getByRole('dialog')).toContainText('61 sur 64 caractères');
    await keyButton(page, '.fr').tap();
    await expect(page.getByRole('dialog')).toContainText('64 sur 64 caractères');
    await keyButton(page, '€').tap();
    await expect(page.getByRole('dialog')).toContainText('64 sur 64 caractères');
    await keyButton(page, 'Annuler').tap();
    expect((await readSettings(kiosk)).smtp.senderName).toBe('PM5 (démo)');
  });

  test('physical keyboard edits, Enter saves, Escape cancels', async ({ page, kiosk }) => {
    await page.goto(`${kiosk.url}${SMTP_HASH}`);
    await page.getByRole('button', { name: "Nom d'utilisateur SMTP", exact: true }).tap();
    const value = page.getByRole('dialog').getByRole('textbox');
    await page.keyboard.type('pool@exmple.fr');
    for (let index = 0; index < 7; index++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('a');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('r');
    await expect(value).toHaveText('pool@example.fr');
    await page.keyboard.press('Tab');
    await expect(value).toHaveText('pool@example.fr');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeHidden();
    expect((await readSettings(kiosk)).smtp.userName).toBe('pool@example.fr');

    await page.getByRole('button', { name: 'Serveur SMTP', exact: true }).tap();
    await page.keyboard.type('smtp.example.fr:587');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    expect((await readSettings(kiosk)).smtp.server).not.toContain('smtp.example.fr');

    // An invalid server keeps the dialog open with its message.
    await page.getByRole('button', { name: 'Serveur SMTP', exact: true }).tap();
    for (let index = 0; index < 30; index++) await page.keyboard.press('Backspace');
    await page.keyboard.type('smtp.example.fr:70000');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(
      'Le port « 70000 » dans « smtp.example.fr:70000 » est hors limites. Saisissez un port entre 1 et 65535, le plus souvent 465 ou 587.',
    );
    expect((await readSettings(kiosk)).smtp.server).not.toContain('70000');
  });

  test('password is masked and write-only', async ({ page, kiosk }) => {
    await page.goto(`${kiosk.url}${SMTP_HASH}`);
    await page.getByRole('button', { name: 'Mot de passe SMTP', exact: true }).tap();
    const dialog = page.getByRole('dialog', { name: 'Mot de passe SMTP' });
    await keyButton(page, 'OK').tap();
    await expect(dialog.getByRole('alert')).toContainText('Saisissez le mot de passe.');

    await typeByTouch(page, 'Ab1 x');
    await expect(dialog.getByRole('textbox')).toHaveText('●●●●●');
    await keyButton(page, 'Afficher').tap();
    await expect(dialog.getByRole('textbox')).toHaveText('Ab1 x');
    await keyButton(page, 'Masquer').tap();
    await expect(dialog.getByRole('textbox')).toHaveText('●●●●●');
    await keyButton(page, 'OK').tap();
    await expect(dialog).toBeHidden();

    const row = page.getByRole('button', { name: 'Mot de passe SMTP', exact: true });
    await expect(row).toContainText('(défini)');
    const stored = await readSettings(kiosk);
    expect(stored.smtpPassword).not.toBeNull();
    expect(JSON.stringify(stored)).not.toContain('Ab1 x');

    // Without a user name the password is not sent, and the screen says so until one is entered.
    const unused = page.getByRole('note').filter({ hasText: "Le mot de passe n'est pas utilisé" });
    await expect(unused).toHaveText(
      "Le mot de passe n'est pas utilisé : le nom d'utilisateur SMTP est vide, l'envoi se fait sans authentification.",
    );
    await page.getByRole('button', { name: "Nom d'utilisateur SMTP", exact: true }).tap();
    await page.keyboard.type('pm5@example.com');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(unused).toHaveCount(0);

    await page.getByRole('button', { name: 'Supprimer le mot de passe', exact: true }).tap();
    await expect(page.getByRole('alertdialog')).toContainText('Supprimer le mot de passe SMTP enregistré ?');
    expect((await readSettings(kiosk)).smtpPassword).not.toBeNull();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Supprimer', exact: true }).tap();
    await expect(row).toContainText('(aucun mot de passe)');
    expect((await readSettings(kiosk)).smtpPassword).toBeNull();
  });

  test('test e-mail entry opens its screen', async ({ page, kiosk }) => {
    await page.goto(`${kiosk.url}${SMTP_HASH}`);
    await page.getByRole('button', { name: 'Envoyer un e-mail test', exact: true }).tap();
    await expect(page).toHaveURL(/#\/main\/communication\/email\/test-email$/);
    await expect(page.getByRole('heading', { name: 'Envoyer un e-mail test' })).toBeVisible();
  });
});

test.describe('provider presets', () => {
  test('proposal applies only after confirmation', async ({ page, kiosk, request }) => {
    const settings = (await (await request.post(`${kiosk.url}api/getSettings`, { data: {} })).json()).value;
    const { passwordSet: _passwordSet, ...account } = settings.smtp;
    const reply = await request.post(`${kiosk.url}api/updateSettings`, {
      data: { section: 'smtp', value: { ...account, senderAddress: 'pool.dupont@gmail.com' } },
    });
    expect(reply.ok()).toBe(true);
    const before = await readSettings(kiosk);

    await page.goto(`${kiosk.url}${SMTP_HASH}`);
    await expect(page.getByText("L'adresse de l'expéditeur correspond à Gmail. Utiliser ses réglages ?")).toBeVisible();
    await screenshot(page, 'fr-smtp-proposal');
    await page.getByRole('button', { name: 'Voir les réglages', exact: true }).tap();

    await expect(page.getByRole('heading', { name: 'Gmail', exact: true })).toBeVisible();
    await expect(page.getByText("Nom d'utilisateur SMTP : adresse e-mail complète", { exact: true })).toBeVisible();
    await expect(page.getByText(`Serveur SMTP : « ${before.smtp.server} » → « smtp.gmail.com:465 »`)).toBeVisible();
    await expect(page.getByText('Sécurité : « Aucune » → « SSL/TLS »')).toBeVisible();
    await expect(page.getByText("Nom d'utilisateur SMTP : « (vide) » → « pool.dupont@gmail.com »")).toBeVisible();
    await expect(page.getByText(/mot de passe d'application/).first()).toBeVisible();
    await screenshot(page, 'fr-preset-detail');
    expect(await readSettings(kiosk)).toEqual(before);

    await page.getByRole('button', { name: 'Appliquer', exact: true }).tap();
    await expect(page.getByRole('status').filter({ hasText: 'Réglages Gmail appliqués.' })).toBeVisible();
    const after = await readSettings(kiosk);
    expect(after.smtp.server).toBe('smtp.gmail.com:465');
    expect(after.smtp.security).toBe('ssl');
    expect(after.smtp.userName).toBe('pool.dupont@gmail.com');
    expect(after.smtp.senderAddress).toBe('pool.dupont@gmail.com');
    expect(after.smtp.senderName).toBe(before.smtp.senderName);
    await expect(page.getByText("L'adresse de l'expéditeur correspond à Gmail.")).toBeHidden();
  });

  test('list shows notes, cancel changes nothing', async ({ page, kiosk }) => {
    const before = await readSettings(kiosk);
    await page.goto(`${kiosk.url}${SMTP_HASH}`);
    await page.getByRole('button', { name: 'Choisir un fournisseur', exact: true }).tap();
    await expect(page.getByRole('heading', { name: 'Fournisseurs de messagerie électronique' })).toBeVisible();
    await screenshot(page, 'fr-preset-list');

    await page.getByRole('button', { name: 'GMX (gmx.com, gmx.fr)', exact: true }).tap();
    await expect(page.getByText(/Ce n'est plus le cas/)).toBeVisible();
    await page.getByRole('button', { name: 'Annuler', exact: true }).tap();
    await expect(page.getByRole('heading', { name: 'Fournisseurs de messagerie électronique' })).toBeVisible();

    await page.getByRole('button', { name: 'Lycos', exact: true }).tap();
    await expect(page.getByText(/classe Lycos comme incompatible/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Appliquer', exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Retour à la liste', exact: true }).tap();

    await page.getByRole('button', { name: 'Orange', exact: true }).tap();
    await expect(page.getByRole('button', { name: 'Appliquer', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Retour à la liste', exact: true }).tap();
    await page.getByRole('button', { name: 'Fermer la liste', exact: true }).tap();
    await expect(page.getByRole('button', { name: "Adresse e-mail de l'expéditeur", exact: true })).toBeVisible();
    expect(await readSettings(kiosk)).toEqual(before);
  });
});

test('dialog layouts in every mode', async ({ page, kiosk }) => {
  await page.goto(`${kiosk.url}${SMTP_HASH}`);
  await page.getByRole('button', { name: "Adresse e-mail de l'expéditeur", exact: true }).tap();
  const dialog = page.getByRole('dialog');
  await screenshot(page, 'fr-dialog-letters');
  expect(await findOverflowingText(page), 'letters').toEqual([]);

  await keyButton(page, FRENCH_KEYS.shift).tap();
  await expect(keyButton(page, '@')).toBeVisible();
  await screenshot(page, 'fr-dialog-shift');
  await keyButton(page, FRENCH_KEYS.shift).tap();

  const altModes: { mode: string; label: string; key: string }[] = [
    { mode: 'french', label: 'Accents français', key: 'ç' },
    { mode: 'german', label: 'Lettres allemandes', key: 'ẞ' },
    { mode: 'spanishPortuguese', label: 'Lettres espagnoles et portugaises', key: 'ñ' },
    { mode: 'nordic', label: 'Lettres nordiques', key: 'ø' },
    { mode: 'symbols', label: 'Symboles', key: '€' },
  ];
  for (const { mode, label, key } of altModes) {
    await keyButton(page, FRENCH_KEYS.alt).tap();
    await expect(dialog).toContainText(label);
    await expect(keyButton(page, key)).toBeVisible();
    await screenshot(page, `fr-dialog-alt-${mode}`);
    expect(await findOverflowingText(page), mode).toEqual([]);
  }
  await keyButton(page, FRENCH_KEYS.alt).tap();
  await expect(dialog).toContainText('Lettres');
  await expect(keyButton(page, 'a')).toBeVisible();

  // Keys are at least 48 px high.
  const key = (await keyButton(page, 'a').boundingBox())!;
  expect(key.height).toBeGreaterThanOrEqual(48);
  const ok = (await keyButton(page, 'OK').boundingBox())!;
  expect(ok.height).toBeGreaterThanOrEqual(48);
});

const LANGUAGE_CASES: { language: Language; recipient: string; senderName: string; choose: string; firstLetters: string }[] = [
  { language: 'fr', recipient: 'Destinataire e-mail 1', senderName: "Nom de l'expéditeur", choose: 'Choisir un fournisseur', firstLetters: 'a z e r t y' },
  { language: 'en', recipient: 'E-mail recipient 1', senderName: 'Sender name', choose: 'Choose a provider', firstLetters: 'q w e r t y' },
  { language: 'de', recipient: 'E-Mail-Empfänger 1', senderName: 'Name des Absenders', choose: 'Anbieter wählen', firstLetters: 'q w e r t z' },
];

for (const { language, recipient, senderName, choose, firstLetters } of LANGUAGE_CASES) {
  test(`screens and dialog fit in ${language}`, async ({ page, kiosk, request }) => {
    await setLanguage(request, kiosk, language);
    // A long international address shows the line with the address used.
    const settings = (await (await request.post(`${kiosk.url}api/getSettings`, { data: {} })).json()).value;
    await request.post(`${kiosk.url}api/updateSettings`, {
      data: {
        section: 'recipients',
        value: [settings.recipients[0], { address: 'piscine.municipale.geneve@bäderbetrieb-müller.de', active: true }, settings.recipients[2]],
      },
    });

    await page.goto(`${kiosk.url}${RECIPIENTS_HASH}`);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.getByText('@xn--bderbetrieb-mller-qqb28b.de')).toBeVisible();
    await screenshot(page, `${language}-recipients`);
    expect(await findOverflowingText(page), `${language} recipients`).toEqual([]);

    await page.getByRole('button', { name: recipient, exact: true }).tap();
    const letters = await page.getByRole('dialog').locator('.hg-row').nth(1).locator('.hg-button').allTextContents();
    expect(letters.slice(0, 6).join(' ')).toBe(firstLetters);
    await screenshot(page, `${language}-dialog-letters`);
    expect(await findOverflowingText(page), `${language} dialog`).toEqual([]);
    await page.keyboard.type('x@y');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible();
    await screenshot(page, `${language}-dialog-error`);
    expect(await findOverflowingText(page), `${language} dialog error`).toEqual([]);

    // Worst case: a value of three lines and an error quoting it; the keys stay on the panel.
    await page.keyboard.type(` ${'x'.repeat(120)} ${'y'.repeat(100)}`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText('xxxxxxxx');
    await screenshot(page, `${language}-dialog-long-error`);
    expect(await findOverflowingText(page), `${language} dialog long error`).toEqual([]);
    const space = (await page.getByRole('dialog').getByRole('button', { name: keyboardStrings[language].keyNames.space, exact: true }).boundingBox())!;
    expect(space.y + space.height).toBeLessThanOrEqual(480);
    expect(space.height).toBeGreaterThanOrEqual(48);
    await page.keyboard.press('Escape');

    // A password without a user name shows the warning under the password.
    const passwordReply = await request.post(`${kiosk.url}api/updateSettings`, {
      data: { section: 'smtp', value: { ...settings.smtp, passwordSet: undefined, userName: '' }, password: { set: 'Geheim-Pa55' } },
    });
    expect(passwordReply.ok()).toBe(true);
    await page.goto(`${kiosk.url}${SMTP_HASH}`);
    await expect(page.getByRole('button', { name: senderName, exact: true })).toBeVisible();
    await expect(page.locator('.password-unused')).toBeVisible();
    await screenshot(page, `${language}-smtp`);
    expect(await findOverflowingText(page), `${language} smtp`).toEqual([]);
    await page.locator('.kiosk__content').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await screenshot(page, `${language}-smtp-bottom`);
    expect(await findOverflowingText(page), `${language} smtp bottom`).toEqual([]);

    await page.getByRole('button', { name: choose, exact: true }).tap();
    await screenshot(page, `${language}-preset-list`);
    expect(await findOverflowingText(page), `${language} preset list`).toEqual([]);
    await page.getByRole('button', { name: 'Outlook.com / Hotmail', exact: true }).tap();
    await screenshot(page, `${language}-preset-detail-outlook`);
    expect(await findOverflowingText(page), `${language} preset detail`).toEqual([]);
  });
}

test('recipients reached from the menu by touch', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await tapMenuPath(page, [...EMAIL_CONFIGURATION, 'Configuration des adresses e-mail de destinataires']);
  await expect(page.getByRole('button', { name: 'Destinataire e-mail 1', exact: true })).toContainText('technicien@example.com');
});
