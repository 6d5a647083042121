import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../shared/i18n/catalog';
import { demo } from '../../shared/i18n/demo';
import { MEASURED_VALUES } from '../../shared/device-state';
import { LANGUAGES } from '../../shared/settings';

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const fullKey = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') {
      entries.set(fullKey, value);
    } else {
      for (const [nestedKey, nestedValue] of flatten(value, fullKey)) {
        entries.set(nestedKey, nestedValue);
      }
    }
  }
  return entries;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!).sort();
}

const french = flatten(demo.fr);

describe('demo strings', () => {
  it.each(LANGUAGES.filter((language) => language !== 'fr'))('%s has the French keys', (language) => {
    expect([...flatten(demo[language]).keys()].sort()).toEqual([...french.keys()].sort());
  });

  it.each(LANGUAGES)('%s strings are filled with the French placeholders', (language) => {
    for (const [key, text] of flatten(demo[language])) {
      expect(text.trim(), `${language} ${key}`).not.toBe('');
      expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(french.get(key)!));
    }
  });

  it('French labels of the product', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'fr', resources: { fr: { demo: demo.fr } }, defaultNS: 'demo', interpolation: { escapeValue: false } });

    expect(i18n.t('title')).toBe('Démo salon');
    expect(i18n.t('inbox.title')).toBe('Boîte de réception démo');
    expect(i18n.t('inbox.clear')).toBe('Vider la boîte de réception');
    expect(i18n.t('inbox.columns.time')).toBe('Heure');
    expect(i18n.t('inbox.columns.sender')).toBe('Expéditeur');
    expect(i18n.t('inbox.columns.subject')).toBe('Objet');
    expect(i18n.t('message.from')).toBe('De');
    expect(i18n.t('message.to')).toBe('À');
    expect(i18n.t('message.subject')).toBe('Objet');
    expect(i18n.t('message.date')).toBe('Date');
    expect(i18n.t('scenario.start')).toBe('Démarrer le scénario automatique');
    expect(i18n.t('scenario.stop')).toBe('Arrêter le scénario');
    expect(i18n.t('server.listening', { host: '127.0.0.1', port: 2526 })).toBe(
      "Le serveur SMTP démo est à l'écoute sur 127.0.0.1, port 2526.",
    );
    expect(i18n.t('inbox.count', { count: 1 })).toBe('1 e-mail');
    expect(i18n.t('inbox.count', { count: 3 })).toBe('3 e-mails');
  });

  it('alarm buttons name the alarm', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'fr', resources: { fr: { demo: demo.fr } }, defaultNS: 'demo', interpolation: { escapeValue: false } });
    const alarm = 'Avertissement de niveau rédox (5.0 l)';

    expect(i18n.t('alarm.raise', { alarm })).toBe('Déclencher : Avertissement de niveau rédox (5.0 l)');
    expect(i18n.t('alarm.end', { alarm })).toBe('Terminer : Avertissement de niveau rédox (5.0 l)');
    expect(i18n.t('alarm.acknowledge', { alarm })).toBe('Valider : Avertissement de niveau rédox (5.0 l)');
    expect(i18n.t('acknowledgeAll')).toBe('Valider les alarmes');
    expect(i18n.t('flow.cut')).toBe('Couper le signal de débit');
    expect(i18n.t('flow.restore')).toBe('Rétablir le signal de débit');
  });

  it.each(LANGUAGES)('%s measurement buttons cover every value', (language) => {
    const entries = flatten(demo[language]);
    for (const value of MEASURED_VALUES) {
      expect(entries.has(`measurements.above.${value}`), `${language} above ${value}`).toBe(true);
      expect(entries.has(`measurements.below.${value}`), `${language} below ${value}`).toBe(true);
    }
  });
});
