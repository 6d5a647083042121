import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { parseDomainName } from './address';
import { i18nResources } from './i18n';
import {
  PRESETS,
  PRESET_NOTES,
  applyPresetChanges,
  findPresetById,
  findPresetForAddress,
  presetChanges,
  presetServerString,
  presetUserName,
  presetsForAddress,
  type Preset,
  type PresetId,
  type ServerPreset,
} from './providers';
import { LANGUAGES, defaultSettings } from './settings';
import { parseSmtpServer } from './smtp-server-address';

function serverPreset(id: PresetId): ServerPreset {
  const preset = findPresetById(id);
  if (!preset || preset.support === 'incompatible') throw new Error(`no server preset ${id}`);
  return preset;
}

function presetWithId(id: PresetId): Preset {
  const preset = findPresetById(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset;
}

describe('preset table', () => {
  it('has unique ids', () => {
    const ids = PRESETS.map((preset) => preset.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('includes the required providers', () => {
    const required: PresetId[] = [
      'gmail', 'yahoo', 'aol', 'aolPlain', 'webDe', 'mailDe', 'mailDePlain', 'orange', 'sfr', 'free',
      'laPoste', 'bouygues', 'gmx', 'outlook', 'microsoft365', 'tOnline', 'lycos',
    ];
    for (const id of required) expect(findPresetById(id), id).toBeDefined();
  });

  it.each(PRESETS)('$id has a parsable server matching its security', (preset) => {
    if (preset.support === 'incompatible') {
      expect(preset.host).toBeNull();
      return;
    }
    const parsed = parseSmtpServer(presetServerString(preset));
    expect(parsed).toEqual({ ok: true, host: preset.host, port: preset.port, portGiven: true, hostKind: 'name' });
    const usualPort = { ssl: 465, starttls: 587, none: 25 }[preset.security];
    expect(preset.port).toBe(usualPort);
  });

  it.each(PRESETS)('$id lists valid lower-case sender domains', (preset) => {
    for (const domain of preset.senderDomains) {
      expect(parseDomainName(domain), domain).toEqual({ ok: true, ascii: domain, unicode: domain });
      expect(domain.includes('.'), domain).toBe(true);
    }
  });

  it.each(PRESETS)('$id names its sources with a month', (preset) => {
    expect(preset.sources.length).toBeGreaterThan(0);
    for (const source of preset.sources) {
      expect(source.name.length).toBeGreaterThan(0);
      expect(source.date).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
    }
  });

  it('gives each domain to one main preset', () => {
    const owners = new Map<string, string>();
    for (const preset of PRESETS.filter((candidate) => candidate.variantOf === undefined)) {
      for (const domain of preset.senderDomains) {
        expect(owners.get(domain), `${domain} in ${preset.id}`).toBeUndefined();
        owners.set(domain, preset.id);
      }
    }
  });

  it('ties each variant to its main preset', () => {
    for (const preset of PRESETS.filter((candidate) => candidate.variantOf !== undefined)) {
      const main = findPresetById(preset.variantOf as PresetId);
      expect(main, preset.id).toBeDefined();
      expect(main?.variantOf).toBeUndefined();
      expect(main?.label).toBe(preset.label);
      expect(preset.senderDomains).toEqual(main?.senderDomains);
      expect(preset.variant, preset.id).toBeDefined();
    }
  });

  it('matches the manual table', () => {
    const manual: [PresetId, string, string, 'fullAddress'][] = [
      ['gmail', 'smtp.gmail.com:465', 'ssl', 'fullAddress'],
      ['yahoo', 'smtp.mail.yahoo.com:465', 'ssl', 'fullAddress'],
      ['aol', 'smtp.aol.com:465', 'ssl', 'fullAddress'],
      ['webDe', 'smtp.web.de:587', 'starttls', 'fullAddress'],
      ['mailDe', 'smtp.mail.de:587', 'starttls', 'fullAddress'],
      ['aolPlain', 'smtp.aol.com:25', 'none', 'fullAddress'],
      ['mailDePlain', 'smtp.mail.de:25', 'none', 'fullAddress'],
    ];
    for (const [id, server, security, userName] of manual) {
      const preset = serverPreset(id);
      expect(presetServerString(preset), id).toBe(server);
      expect(preset.security, id).toBe(security);
      expect(preset.userName, id).toBe(userName);
      expect(preset.sources[0]?.name, id).toContain('manual');
    }
  });

  it('marks the unencrypted manual entries', () => {
    expect(serverPreset('aolPlain').notes).toContain('plainTransmission');
    expect(serverPreset('mailDePlain').notes).toContain('plainTransmission');
    expect(serverPreset('aolPlain').variant).toBe('plainLegacy');
  });

  it('marks Lycos incompatible', () => {
    const lycos = presetWithId('lycos');
    expect(lycos.support).toBe('incompatible');
    expect(lycos.notes).toEqual(['lycosIncompatible']);
  });

  it('notes GMX as compatible today', () => {
    const gmx = serverPreset('gmx');
    expect(gmx.support).toBe('supported');
    expect(gmx.notes).toEqual(['gmxPopBeforeSmtpObsolete', 'externalAccessMustBeEnabled', 'twoFactorAppPassword']);
    expect(serverPreset('gmxCom').notes).toContain('gmxPopBeforeSmtpObsolete');
  });

  it('marks Outlook.com password login disabled', () => {
    const outlook = serverPreset('outlook');
    expect(outlook.support).toBe('passwordLoginDisabled');
    expect(outlook.notes).toContain('passwordLoginDisabled');
  });

  it('requires app passwords for Gmail and Yahoo', () => {
    expect(serverPreset('gmail').notes).toContain('appPasswordRequired');
    expect(serverPreset('yahoo').notes).toContain('appPasswordRequired');
  });

  it('never proposes Microsoft 365 from an address', () => {
    expect(serverPreset('microsoft365').senderDomains).toEqual([]);
  });
});

describe('preset texts', () => {
  async function i18nInstance() {
    const i18n = createInstance();
    await i18n.init({ resources: i18nResources(), lng: 'fr', interpolation: { escapeValue: false } });
    return i18n;
  }

  it('exist for every note in every language', async () => {
    const i18n = await i18nInstance();
    for (const language of LANGUAGES) {
      for (const note of PRESET_NOTES) {
        expect(i18n.exists(`providers:notes.${note}`, { lng: language }), `${language} ${note}`).toBe(true);
      }
    }
  });

  it('exist for every note, variant, status and user name form used', async () => {
    const i18n = await i18nInstance();
    for (const language of LANGUAGES) {
      for (const preset of PRESETS) {
        for (const note of preset.notes) expect(PRESET_NOTES).toContain(note);
        if (preset.variant) expect(i18n.exists(`providers:variants.${preset.variant}`, { lng: language })).toBe(true);
        expect(i18n.exists(`providers:support.${preset.support}`, { lng: language })).toBe(true);
        expect(i18n.exists(`providers:userNameForms.${preset.userName}`, { lng: language })).toBe(true);
      }
    }
  });

  it('say what the manual said and what applies today', async () => {
    const i18n = await i18nInstance();
    const t = i18n.getFixedT('fr');
    expect(t('providers:notes.gmxPopBeforeSmtpObsolete')).toContain('POP avant SMTP');
    expect(t('providers:notes.gmxPopBeforeSmtpObsolete')).toContain('POP3/IMAP');
    expect(t('providers:notes.lycosIncompatible')).toContain('incompatible');
    expect(t('providers:notes.passwordLoginDisabled')).toContain("mot de passe d'application");
  });

  it('interpolate the confirmation lines', async () => {
    const i18n = await i18nInstance();
    for (const language of LANGUAGES) {
      const line = i18n.getFixedT(language)('providers:changes.line', { field: 'F', from: 'A', to: 'B' });
      expect(line).toContain('F');
      expect(line).toContain('A');
      expect(line).toContain('B');
      expect(line).not.toMatch(/\{\{/);
    }
  });
});

describe('findPresetForAddress', () => {
  it.each([
    ['jean@gmail.com', 'gmail'],
    ['Jean.Dupont@GMAIL.COM', 'gmail'],
    ['  jean@googlemail.com  ', 'gmail'],
    ['jean@yahoo.fr', 'yahoo'],
    ['jean@aol.com', 'aol'],
    ['jean@web.de', 'webDe'],
    ['jean@mail.de', 'mailDe'],
    ['jean@wanadoo.fr', 'orange'],
    ['jean@neuf.fr', 'sfr'],
    ['jean@free.fr', 'free'],
    ['jean@laposte.net', 'laPoste'],
    ['jean@bbox.fr', 'bouygues'],
    ['jean@gmx.de', 'gmx'],
    ['jean@gmx.fr', 'gmxCom'],
    ['jean@hotmail.fr', 'outlook'],
    ['jean@t-online.de', 'tOnline'],
    ['jean@lycos.com', 'lycos'],
    ['jean@Free.FR ', 'free'],
    ['jean dupont@free.fr', 'free'],
  ])('finds %s as %s', (address, id) => {
    expect(findPresetForAddress(address)?.id).toBe(id);
  });

  it.each(['jean@example.com', 'jean@sub.gmail.com', 'gmail.com', '', 'jean@', 'jean@gmail.com.evil.example'])(
    'finds nothing for %j',
    (address) => {
      expect(findPresetForAddress(address)).toBeUndefined();
    },
  );

  it('returns variants after the main preset', () => {
    expect(presetsForAddress('jean@gmail.com').map((preset) => preset.id)).toEqual(['gmail', 'gmailStartTls']);
    expect(presetsForAddress('jean@mail.de').map((preset) => preset.id)).toEqual(['mailDe', 'mailDePlain']);
    expect(presetsForAddress('jean@example.com')).toEqual([]);
  });
});

describe('presetUserName', () => {
  it('builds the full address', () => {
    expect(presetUserName(serverPreset('gmail'), ' Jean.Dupont@Gmail.COM ')).toBe('Jean.Dupont@gmail.com');
  });

  it('builds the part before the @', () => {
    expect(presetUserName(serverPreset('free'), 'jean.dupont@free.fr')).toBe('jean.dupont');
  });

  it('leaves an unstated form empty', () => {
    expect(presetUserName(serverPreset('bouygues'), 'jean@bbox.fr')).toBeUndefined();
  });

  it('rejects an invalid sender address', () => {
    expect(presetUserName(serverPreset('gmail'), 'jean.gmail.com')).toBeUndefined();
  });
});

describe('presetChanges', () => {
  const demoAccount = defaultSettings().smtp;

  it('lists every changed field with old and new value', () => {
    expect(presetChanges(serverPreset('gmail'), demoAccount, 'jean@gmail.com')).toEqual([
      { field: 'server', from: '127.0.0.1:2525', to: 'smtp.gmail.com:465' },
      { field: 'security', from: 'none', to: 'ssl' },
      { field: 'userName', from: '', to: 'jean@gmail.com' },
    ]);
  });

  it('ignores a server written differently', () => {
    const account = { server: ' SMTP.Gmail.com : 465 ', security: 'ssl' as const, userName: 'jean@gmail.com' };
    expect(presetChanges(serverPreset('gmail'), account, 'jean@gmail.com')).toEqual([]);
  });

  it('reports a different port', () => {
    const account = { server: 'smtp.gmail.com', security: 'ssl' as const, userName: 'jean@gmail.com' };
    expect(presetChanges(serverPreset('gmail'), account, 'jean@gmail.com')).toEqual([
      { field: 'server', from: 'smtp.gmail.com', to: 'smtp.gmail.com:465' },
    ]);
  });

  it('keeps the user name when the form is unknown', () => {
    const account = { server: 'smtp.bbox.fr:465', security: 'ssl' as const, userName: 'custom' };
    expect(presetChanges(serverPreset('bouygues'), account, 'jean@bbox.fr')).toEqual([]);
  });

  it('changes nothing for an incompatible provider', () => {
    expect(presetChanges(presetWithId('lycos'), demoAccount, 'jean@lycos.com')).toEqual([]);
  });

  it('applied changes leave nothing to change', () => {
    for (const preset of PRESETS) {
      const changes = presetChanges(preset, demoAccount, 'jean.dupont@example.com');
      const updated = applyPresetChanges(demoAccount, changes);
      expect(presetChanges(preset, updated, 'jean.dupont@example.com'), preset.id).toEqual([]);
      expect(updated.senderAddress).toBe(demoAccount.senderAddress);
    }
  });
});
