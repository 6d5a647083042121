import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  composeAlarmEmail,
  composeHeldBackSummary,
  formatDuration,
  upcomingAttemptTimes,
  type AlarmEmailInput,
  type JournalEntry,
} from './alarm-email';
import type { Alarm, AlarmQueueEntry, Measurements } from './device-state';
import { alarmKey } from './device-state';
import { i18nResources } from './i18n';
import { defaultSettings, LANGUAGES, type DeviceSettings } from './settings';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: i18nResources(), lng: 'en', fallbackLng: false, defaultNS: 'ui' });
});

function entry(alarm: Alarm, status: AlarmQueueEntry['status'] = 'active'): AlarmQueueEntry {
  return {
    key: alarmKey(alarm),
    alarm,
    status,
    ending: 'condition',
    conditionPresent: status !== 'endedUnacknowledged',
    raisedAt: 0,
    endedAt: status === 'endedUnacknowledged' ? 0 : null,
  };
}

const PH_UPPER: Alarm = { kind: 'upper', value: 'ph' };
const REDOX_LEVEL_WARNING: Alarm = { kind: 'levelWarning', channel: 'redox', remainingLitres: 5 };
const EXAMPLE_MEASUREMENTS: Measurements = { ph: 8, redox: 674, freeChlorine: null, temperature: 24.6 };

function exampleDevice(): DeviceSettings {
  return {
    ...defaultSettings().device,
    name: 'PM5-démo',
    type: 'cl',
    serialNumber: 'ADDA01234F12',
    softwareVersion: 'v140325-M1 (5.3.0)',
    language: 'fr',
  };
}

function exampleInput(): AlarmEmailInput {
  return {
    event: 'start',
    alarm: REDOX_LEVEL_WARNING,
    at: new Date(2012, 8, 7, 9, 41, 27),
    queue: [entry(PH_UPPER), entry(REDOX_LEVEL_WARNING)],
    measurements: EXAMPLE_MEASUREMENTS,
    device: exampleDevice(),
    senderName: 'PM5 (démo)',
    language: 'fr',
    t: i18n.t,
  };
}

describe('composeAlarmEmail', () => {
  it('rebuilds the BAYROL manual example', () => {
    const email = composeAlarmEmail(exampleInput());

    expect(email.subject).toBe('PM5-démo (PM5 (démo)) : Avertissement de niveau rédox (5.0 l)');
    expect(email.text).toBe(
      [
        '07.09.2012, 09:41 :',
        'Avertissement de niveau rédox (5.0 l)',
        '',
        "Aperçu de l'alarme :",
        'Alarme supérieure pH',
        'Avertissement de niveau rédox (5.0 l)',
        '',
        'pH 8.00 [pH]',
        'mV 674 [mV]',
        'T1 (eau de mesure) 24.6 [°C]',
        '',
        'BAYROL PoolManager chlore (Cl)',
        'PM5-démo (PM5 (démo))',
        "N° de série de l'appareil : ADDA01234F12",
        'PM5 version du logiciel : v140325-M1 (5.3.0)',
      ].join('\n'),
    );
  });

  it('puts "Fin" before an ended alarm', () => {
    const email = composeAlarmEmail({
      ...exampleInput(),
      event: 'end',
      alarm: PH_UPPER,
      queue: [entry(PH_UPPER, 'endedUnacknowledged'), entry(REDOX_LEVEL_WARNING)],
    });

    expect(email.subject).toBe('PM5-démo (PM5 (démo)) : Fin Alarme supérieure pH');
    expect(email.text.split('\n')[1]).toBe('Fin Alarme supérieure pH');
  });

  it('brackets ended unacknowledged alarms', () => {
    const email = composeAlarmEmail({
      ...exampleInput(),
      queue: [entry(PH_UPPER, 'endedUnacknowledged'), entry(REDOX_LEVEL_WARNING, 'acknowledged')],
    });
    const lines = email.text.split('\n');

    expect(lines[4]).toBe('[Alarme supérieure pH]');
    expect(lines[5]).toBe('Avertissement de niveau rédox (5.0 l)');
  });

  it('omits measurements without flow signal', () => {
    const email = composeAlarmEmail({
      ...exampleInput(),
      alarm: { kind: 'noFlow' },
      queue: [entry(PH_UPPER)],
      measurements: null,
    });

    expect(email.text).toBe(
      [
        '07.09.2012, 09:41 :',
        'Aucun signal de débit',
        '',
        "Aperçu de l'alarme :",
        'Alarme supérieure pH',
        '',
        'BAYROL PoolManager chlore (Cl)',
        'PM5-démo (PM5 (démo))',
        "N° de série de l'appareil : ADDA01234F12",
        'PM5 version du logiciel : v140325-M1 (5.3.0)',
      ].join('\n'),
    );
  });

  it('keeps the heading of an empty queue', () => {
    const email = composeAlarmEmail({ ...exampleInput(), event: 'end', queue: [] });
    const lines = email.text.split('\n');

    expect(lines.slice(2, 6)).toEqual(['', "Aperçu de l'alarme :", '', 'pH 8.00 [pH]']);
  });

  it('adds free chlorine after mV on PRO and Analyt', () => {
    for (const type of ['pro', 'analyt'] as const) {
      const email = composeAlarmEmail({
        ...exampleInput(),
        device: { ...exampleDevice(), type },
        measurements: { ...EXAMPLE_MEASUREMENTS, freeChlorine: 0.6 },
      });
      const lines = email.text.split('\n');

      expect(lines.slice(7, 11)).toEqual(['pH 8.00 [pH]', 'mV 674 [mV]', 'Cl 0.60 [mg/l]', 'T1 (eau de mesure) 24.6 [°C]']);
    }
  });

  it('ignores chlorine on devices without a cell', () => {
    const email = composeAlarmEmail({ ...exampleInput(), measurements: { ...EXAMPLE_MEASUREMENTS, freeChlorine: 0.6 } });

    expect(email.text).not.toContain('mg/l');
  });

  it('names each device type', () => {
    const expected = {
      cl: 'BAYROL PoolManager chlore (Cl)',
      br: 'BAYROL PoolManager brome (Br)',
      o2: 'BAYROL PoolManager oxygène actif (O2)',
      pro: 'BAYROL PoolManager PRO',
      analyt: 'BAYROL Analyt',
    } as const;
    for (const [type, line] of Object.entries(expected)) {
      const email = composeAlarmEmail({ ...exampleInput(), device: { ...exampleDevice(), type: type as keyof typeof expected } });

      expect(email.text).toContain(`\n\n${line}\n`);
    }
  });

  it('keeps sender names with slashes and quotes unescaped', () => {
    const email = composeAlarmEmail({ ...exampleInput(), senderName: `PM5 (Meier/Munich) "L'Hôtel" <a&b>` });

    expect(email.subject).toBe(`PM5-démo (PM5 (Meier/Munich) "L'Hôtel" <a&b>) : Avertissement de niveau rédox (5.0 l)`);
    expect(email.text).toContain(`\nPM5-démo (PM5 (Meier/Munich) "L'Hôtel" <a&b>)\n`);
  });

  it('pads date and time fields', () => {
    const email = composeAlarmEmail({ ...exampleInput(), at: new Date(2024, 0, 3, 7, 5) });

    expect(email.text.split('\n')[0]).toBe('03.01.2024, 07:05 :');
  });

  it('renders English and German', () => {
    const english = composeAlarmEmail({ ...exampleInput(), language: 'en', event: 'end' });
    const german = composeAlarmEmail({ ...exampleInput(), language: 'de', event: 'end' });

    expect(english.subject).toBe('PM5-démo (PM5 (démo)): End Level warning redox (5.0 l)');
    expect(english.text).toContain('\nAlarm overview:\nUpper alarm pH\n');
    expect(english.text).toContain('\nT1 (measuring water) 24.6 [°C]\n\nBAYROL PoolManager chlorine (Cl)\n');
    expect(english.text).toContain('\nDevice serial number: ADDA01234F12\nPM5 software version: v140325-M1 (5.3.0)');
    expect(german.subject).toBe('PM5-démo (PM5 (démo)): Ende Niveauwarnung Redox (5.0 l)');
    expect(german.text).toContain('\nAlarmübersicht:\nOberer Alarm pH\n');
    expect(german.text).toContain('\nT1 (Messwasser) 24.6 [°C]\n\nBAYROL PoolManager Chlor (Cl)\n');
  });

  it('never leaves an untranslated key', () => {
    const alarms: Alarm[] = [
      PH_UPPER,
      { kind: 'lower', value: 'temperature' },
      { kind: 'upper', value: 'chlorine' },
      { kind: 'levelAlarm', channel: 'o2' },
      { kind: 'dosingAlarm', channel: 'chlorine' },
      { kind: 'noFlow' },
    ];
    for (const language of LANGUAGES) {
      for (const alarm of alarms) {
        const email = composeAlarmEmail({ ...exampleInput(), language, alarm, queue: [entry(alarm)] });

        expect(email.subject).not.toMatch(/designation\.|email\.|channel\./);
        expect(email.text).not.toMatch(/designation\.|email\.|channel\.|deviceType\.|\{\{/);
      }
    }
  });
});

describe('composeHeldBackSummary', () => {
  it('lists counts, limits and the current state', () => {
    const email = composeHeldBackSummary({
      held: [
        { alarm: PH_UPPER, event: 'start', count: 490 },
        { alarm: PH_UPPER, event: 'end', count: 489 },
        { alarm: REDOX_LEVEL_WARNING, event: 'start', count: 1 },
      ],
      since: new Date(2012, 8, 7, 9, 41),
      at: new Date(2012, 8, 7, 9, 51),
      limits: { maxPerWindow: 20, windowMs: 3_600_000, holdOffMs: 300_000 },
      queue: [entry(PH_UPPER, 'endedUnacknowledged')],
      measurements: EXAMPLE_MEASUREMENTS,
      device: exampleDevice(),
      senderName: 'PM5 (démo)',
      language: 'fr',
      t: i18n.t,
    });

    expect(email.subject).toBe("PM5-démo (PM5 (démo)) : E-mails d'alarme retenus");
    expect(email.text).toBe(
      [
        '07.09.2012, 09:51 :',
        "E-mails d'alarme retenus",
        '',
        "980 e-mails d'alarme retenus depuis le 07.09.2012, 09:41 :",
        '490 × Alarme supérieure pH',
        '489 × Fin Alarme supérieure pH',
        '1 × Avertissement de niveau rédox (5.0 l)',
        "Limites : 20 e-mails d'alarme en 60 min ; le même événement d'une alarme au plus une fois en 5 min.",
        '',
        "Aperçu de l'alarme :",
        '[Alarme supérieure pH]',
        '',
        'pH 8.00 [pH]',
        'mV 674 [mV]',
        'T1 (eau de mesure) 24.6 [°C]',
        '',
        'BAYROL PoolManager chlore (Cl)',
        'PM5-démo (PM5 (démo))',
        "N° de série de l'appareil : ADDA01234F12",
        'PM5 version du logiciel : v140325-M1 (5.3.0)',
      ].join('\n'),
    );
  });

  it('uses the singular for one e-mail', () => {
    const email = composeHeldBackSummary({
      held: [{ alarm: PH_UPPER, event: 'start', count: 1 }],
      since: new Date(2012, 8, 7, 9, 41),
      at: new Date(2012, 8, 7, 9, 51),
      limits: { maxPerWindow: 20, windowMs: 3_600_000, holdOffMs: 300_000 },
      queue: [],
      measurements: null,
      device: exampleDevice(),
      senderName: 'PM5 (démo)',
      language: 'de',
      t: i18n.t,
    });

    expect(email.text).toContain('\n1 Alarm-E-Mail seit 07.09.2012, 09:41 zurückgehalten:\n');
  });
});

describe('formatDuration', () => {
  it('uses minutes or seconds', () => {
    expect(formatDuration(3_600_000)).toBe('60 min');
    expect(formatDuration(300_000)).toBe('5 min');
    expect(formatDuration(1_500)).toBe('1.5 s');
    expect(formatDuration(90_000)).toBe('90 s');
  });
});

describe('upcomingAttemptTimes', () => {
  function journalEntry(outboxId: string, attempt: number, outcome: JournalEntry['result']['outcome'], nextAttemptAt: number | null): JournalEntry {
    return {
      at: attempt * 1000,
      outboxId,
      messageId: `<${outboxId}@example.com>`,
      kind: 'alarm',
      alarm: PH_UPPER,
      event: 'start',
      subject: outboxId,
      recipients: ['technicien@example.com'],
      attempt,
      result: { outcome, deviceCode: null, diagnosis: null, step: null, serverReply: null, detail: null, rejected: [] },
      nextAttemptAt,
    };
  }

  it('drops the time once the retry is listed', () => {
    const journal = [journalEntry('a', 2, 'accepted', null), journalEntry('a', 1, 'temporary', 60_000)];
    expect(upcomingAttemptTimes(journal)).toEqual([null, null]);
  });

  it('keeps the time of a waiting e-mail', () => {
    const journal = [journalEntry('b', 1, 'temporary', 90_000), journalEntry('a', 2, 'temporary', 80_000), journalEntry('a', 1, 'temporary', 60_000)];
    expect(upcomingAttemptTimes(journal)).toEqual([90_000, 80_000, null]);
  });
});
