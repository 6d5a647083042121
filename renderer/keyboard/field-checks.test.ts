import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nResources } from '../../shared/i18n';
import type { BridgeError } from '../bridge';
import {
  addressMessage,
  passwordMessage,
  plainTextMessage,
  recipientAddressMessage,
  saveFailureMessage,
  serverMessage,
  type Translate,
} from './field-checks';

const i18n = i18next.createInstance();
await i18n.init({
  resources: i18nResources(),
  lng: 'fr',
  fallbackLng: false,
  defaultNS: 'ui',
  ns: ['ui', 'validation'],
  interpolation: { escapeValue: false },
});
const t: Translate = (key, values) => i18n.t(key, values ?? {});

describe('field checks', () => {
  it('accepts a valid address', () => {
    expect(addressMessage('name1@t-online.de', t)).toBeNull();
  });

  it('names the address without @', () => {
    expect(addressMessage('name1t-online.de', t)).toBe(
      "L'adresse « name1t-online.de » ne contient pas de « @ ». Exemple : nom@fournisseur.fr (le « @ » se trouve sur le clavier Maj., en haut à gauche)",
    );
  });

  it('allows an empty inactive recipient', () => {
    expect(recipientAddressMessage('  ', false, 1, t)).toBeNull();
  });

  it('rejects an empty active recipient', () => {
    expect(recipientAddressMessage('', true, 1, t)).toBe(
      "Le destinataire e-mail 2 est actif mais n'a pas d'adresse. Saisissez une adresse ou réglez-le sur Inactif.",
    );
  });

  it('checks a recipient address', () => {
    expect(recipientAddressMessage('a..b@example.com', false, 0, t)).toContain('deux points qui se suivent');
  });

  it('accepts host and host:port', () => {
    expect(serverMessage('smtp.gmail.com', t)).toBeNull();
    expect(serverMessage('smtp.gmail.com:465', t)).toBeNull();
  });

  it('names the invalid port', () => {
    expect(serverMessage('smtp.gmail.com:abc', t)).toBe(
      "Le port « abc » dans « smtp.gmail.com:abc » n'est pas un nombre. Saisissez uniquement des chiffres, par exemple 465 ou 587.",
    );
  });

  it('rejects a line break in plain text', () => {
    expect(plainTextMessage('PM5\nMunich', "Nom de l'expéditeur", 64, t)).toBe(
      "« Nom de l'expéditeur » contient un saut de ligne ou un caractère de contrôle (U+000A). Effacez la saisie et saisissez-la à nouveau avec le clavier.",
    );
  });

  it('rejects plain text over the maximum', () => {
    expect(plainTextMessage('x'.repeat(65), "Nom de l'expéditeur", 64, t)).toBe(
      "« Nom de l'expéditeur » compte 65 caractères, 64 au maximum. Raccourcissez la saisie.",
    );
  });

  it('accepts accented plain text', () => {
    expect(plainTextMessage('Piscine Thérèse (Genève)', "Nom de l'expéditeur", 64, t)).toBeNull();
  });

  it('rejects an empty password', () => {
    expect(passwordMessage('', 128, t)).toContain('Saisissez le mot de passe.');
  });

  it('accepts a password with spaces', () => {
    expect(passwordMessage(' a b ', 128, t)).toBeNull();
  });

  it('translates a rejected save', () => {
    const error = {
      message: 'E-mail recipient 1 "x" is not a valid e-mail address (missingAt).',
      error: { kind: 'rejected', message: '', i18nKey: 'validation:address.missingAt', i18nValues: { value: 'x' } },
    } as unknown as BridgeError;
    expect(saveFailureMessage(error, t)).toBe(
      "Échec de l'enregistrement : L'adresse « x » ne contient pas de « @ ». Exemple : nom@fournisseur.fr (le « @ » se trouve sur le clavier Maj., en haut à gauche)",
    );
  });

  it('falls back to the message without a key', () => {
    const error = { message: 'disk full', error: { kind: 'internal', message: 'disk full' } } as unknown as BridgeError;
    expect(saveFailureMessage(error, t)).toBe("Échec de l'enregistrement : disk full");
  });
});
