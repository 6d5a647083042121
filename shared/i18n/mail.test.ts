import { describe, expect, it } from 'vitest';
import { DIAGNOSIS_IDS, SMTP_STEPS } from '../mail-result';
import { SECURITY_MODES } from '../settings';
import type { Catalog } from './catalog';
import { mail } from './mail';

function leaves(catalog: Catalog, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [childPath, childValue] of leaves(value, path)) result.set(childPath, childValue);
  }
  return result;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('mail namespace', () => {
  const french = leaves(mail.fr);

  it.each(['en', 'de'] as const)('%s has the French keys and placeholders', (language) => {
    const translated = leaves(mail[language]);
    expect([...translated.keys()].sort()).toEqual([...french.keys()].sort());
    for (const [key, text] of french) expect(placeholders(translated.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it.each(['fr', 'en', 'de'] as const)('%s explains every diagnosis and step', (language) => {
    const catalog = leaves(mail[language]);
    for (const id of DIAGNOSIS_IDS) {
      expect(catalog.get(`diagnosis.${id}.title`), id).toBeTruthy();
      expect(catalog.get(`diagnosis.${id}.advice`), id).toBeTruthy();
    }
    for (const step of SMTP_STEPS) expect(catalog.get(`step.${step}`), step).toBeTruthy();
    for (const mode of SECURITY_MODES) expect(catalog.get(`security.${mode}`), mode).toBeTruthy();
  });

  it('lists no diagnosis the code lacks', () => {
    expect(Object.keys(mail.fr.diagnosis).sort()).toEqual([...DIAGNOSIS_IDS].sort());
  });

  it('uses the manual wording for the result', () => {
    expect(mail.fr.result.sent).toBe("L'e-mail test a été envoyé");
    expect(mail.fr.result.notProof).toBe(
      "Ceci ne garantit cependant pas que l'e-mail test a bien été reçu par les destinataires d'e-mail activés.",
    );
    expect(mail.fr.security).toEqual({ none: 'Aucune', ssl: 'SSL/TLS', starttls: 'StartTLS' });
  });
});
