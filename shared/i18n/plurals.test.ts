import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nResources } from './index';

async function translator(language: 'fr' | 'en' | 'de') {
  const instance = i18next.createInstance();
  await instance.init({ resources: i18nResources(), lng: language, defaultNS: 'ui', interpolation: { escapeValue: false } });
  return instance.t;
}

describe('plural rules', () => {
  it('French takes the singular for 0 and 1', async () => {
    const t = await translator('fr');
    expect(t('status.alarms', { count: 0 })).toBe('0 alarme');
    expect(t('status.alarms', { count: 1 })).toBe('1 alarme');
    expect(t('status.alarms', { count: 2 })).toBe('2 alarmes');
    expect(t('status.outbox', { count: 0 })).toBe('0 e-mail en attente');
  });

  it('English and German take the plural for 0', async () => {
    const en = await translator('en');
    const de = await translator('de');
    expect(en('status.alarms', { count: 0 })).toBe('0 alarms');
    expect(en('status.alarms', { count: 1 })).toBe('1 alarm');
    expect(de('status.alarms', { count: 0 })).toBe('0 Alarme');
    expect(de('status.alarms', { count: 1 })).toBe('1 Alarm');
    expect(de('status.outbox', { count: 3 })).toBe('3 E-Mails warten');
  });

  it('every plural key has its one and other forms in every language', () => {
    const resources = i18nResources();
    for (const language of ['fr', 'en', 'de'] as const) {
      const keys: string[] = [];
      const walk = (node: unknown, prefix: string) => {
        for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
          if (typeof value === 'object') walk(value, `${prefix}${key}.`);
          else keys.push(`${prefix}${key}`);
        }
      };
      walk(resources[language], '');
      for (const key of keys.filter((candidate) => candidate.endsWith('_one'))) {
        expect(keys, `${language} ${key}`).toContain(key.replace(/_one$/, '_other'));
      }
    }
  });
});
