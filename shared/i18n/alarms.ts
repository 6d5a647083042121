import type { Namespace } from './catalog';

/**
 * Alarm designations and the alarm e-mail, in the device's wording. Numbers keep the device's
 * decimal point in every language ("8.00", "5.0 l"); the e-mail composer formats them.
 */
export const alarms = {
  fr: {
    designation: {
      upper: {
        ph: 'Alarme supérieure pH',
        redox: 'Alarme supérieure rédox',
        chlorine: 'Alarme supérieure chlore',
        temperature: 'Alarme supérieure T1',
      },
      lower: {
        ph: 'Alarme inférieure pH',
        redox: 'Alarme inférieure rédox',
        chlorine: 'Alarme inférieure chlore',
        temperature: 'Alarme inférieure T1',
      },
      levelWarning: 'Avertissement de niveau {{channel}} ({{remaining}} l)',
      levelAlarm: 'Alarme de niveau {{channel}}',
      dosingAlarm: 'Alarme de dosage {{channel}}',
      noFlow: 'Aucun signal de débit',
    },
    channel: {
      ph: 'pH',
      redox: 'rédox',
      chlorine: 'chlore',
      o2: 'oxygène actif',
    },
    ended: 'Fin {{designation}}',
    status: {
      active: 'Active',
      acknowledged: 'Validée',
      endedUnacknowledged: 'Terminée, non validée',
    },
    deviceType: {
      cl: 'BAYROL PoolManager chlore (Cl)',
      br: 'BAYROL PoolManager brome (Br)',
      o2: 'BAYROL PoolManager oxygène actif (O2)',
      pro: 'BAYROL PoolManager PRO',
      analyt: 'BAYROL Analyt',
    },
    journal: {
      outcome: {
        accepted: 'Accepté par le serveur',
        temporary: 'Échec temporaire',
        permanent: 'Échec',
        interrupted: 'Interrompu',
      },
      status: {
        pending: 'En attente',
        accepted: 'Accepté',
        failed: 'Échec',
      },
      nextAttempt: 'Nouvel essai à {{time}}',
      rejected: 'Refusé : {{address}}',
      interruptedDetail:
        "Le programme s'est arrêté pendant l'envoi : le serveur a peut-être reçu l'e-mail. Il est renvoyé avec le même Message-ID.",
    },
    email: {
      subject: '{{deviceName}} ({{senderName}}) : {{designation}}',
      dateTime: '{{date}}, {{time}} :',
      queueHeading: "Aperçu de l'alarme :",
      measurement: {
        ph: 'pH {{value}} [pH]',
        redox: 'mV {{value}} [mV]',
        chlorine: 'Cl {{value}} [mg/l]',
        temperature: 'T1 (eau de mesure) {{value}} [°C]',
      },
      device: '{{deviceName}} ({{senderName}})',
      serialNumber: "N° de série de l'appareil : {{serialNumber}}",
      softwareVersion: '{{product}} version du logiciel : {{version}}',
      summary: {
        designation: "E-mails d'alarme retenus",
        count_one: "{{count}} e-mail d'alarme retenu depuis le {{since}} :",
        count_other: "{{count}} e-mails d'alarme retenus depuis le {{since}} :",
        item: '{{count}} × {{designation}}',
        limits:
          "Limites : {{maxPerWindow}} e-mails d'alarme en {{window}} ; le même événement d'une alarme au plus une fois en {{holdOff}}.",
      },
    },
  },
  en: {
    designation: {
      upper: {
        ph: 'Upper alarm pH',
        redox: 'Upper alarm redox',
        chlorine: 'Upper alarm chlorine',
        temperature: 'Upper alarm T1',
      },
      lower: {
        ph: 'Lower alarm pH',
        redox: 'Lower alarm redox',
        chlorine: 'Lower alarm chlorine',
        temperature: 'Lower alarm T1',
      },
      levelWarning: 'Level warning {{channel}} ({{remaining}} l)',
      levelAlarm: 'Level alarm {{channel}}',
      dosingAlarm: 'Dosing alarm {{channel}}',
      noFlow: 'No flow signal',
    },
    channel: {
      ph: 'pH',
      redox: 'redox',
      chlorine: 'chlorine',
      o2: 'active oxygen',
    },
    ended: 'End {{designation}}',
    status: {
      active: 'Active',
      acknowledged: 'Acknowledged',
      endedUnacknowledged: 'Ended, not acknowledged',
    },
    deviceType: {
      cl: 'BAYROL PoolManager chlorine (Cl)',
      br: 'BAYROL PoolManager bromine (Br)',
      o2: 'BAYROL PoolManager active oxygen (O2)',
      pro: 'BAYROL PoolManager PRO',
      analyt: 'BAYROL Analyt',
    },
    journal: {
      outcome: {
        accepted: 'Accepted by the server',
        temporary: 'Temporary failure',
        permanent: 'Failed',
        interrupted: 'Interrupted',
      },
      status: {
        pending: 'Waiting',
        accepted: 'Accepted',
        failed: 'Failed',
      },
      nextAttempt: 'Next attempt at {{time}}',
      rejected: 'Refused: {{address}}',
      interruptedDetail:
        'The program stopped while sending: the server may have received the e-mail. It is sent again with the same Message-ID.',
    },
    email: {
      subject: '{{deviceName}} ({{senderName}}): {{designation}}',
      dateTime: '{{date}}, {{time}}:',
      queueHeading: 'Alarm overview:',
      measurement: {
        ph: 'pH {{value}} [pH]',
        redox: 'mV {{value}} [mV]',
        chlorine: 'Cl {{value}} [mg/l]',
        temperature: 'T1 (measuring water) {{value}} [°C]',
      },
      device: '{{deviceName}} ({{senderName}})',
      serialNumber: 'Device serial number: {{serialNumber}}',
      softwareVersion: '{{product}} software version: {{version}}',
      summary: {
        designation: 'Alarm e-mails held back',
        count_one: '{{count}} alarm e-mail held back since {{since}}:',
        count_other: '{{count}} alarm e-mails held back since {{since}}:',
        item: '{{count}} × {{designation}}',
        limits:
          'Limits: {{maxPerWindow}} alarm e-mails in {{window}}; the same event of one alarm at most once in {{holdOff}}.',
      },
    },
  },
  de: {
    designation: {
      upper: {
        ph: 'Oberer Alarm pH',
        redox: 'Oberer Alarm Redox',
        chlorine: 'Oberer Alarm Chlor',
        temperature: 'Oberer Alarm T1',
      },
      lower: {
        ph: 'Unterer Alarm pH',
        redox: 'Unterer Alarm Redox',
        chlorine: 'Unterer Alarm Chlor',
        temperature: 'Unterer Alarm T1',
      },
      levelWarning: 'Niveauwarnung {{channel}} ({{remaining}} l)',
      levelAlarm: 'Niveaualarm {{channel}}',
      dosingAlarm: 'Dosieralarm {{channel}}',
      noFlow: 'Kein Durchflusssignal',
    },
    channel: {
      ph: 'pH',
      redox: 'Redox',
      chlorine: 'Chlor',
      o2: 'Aktivsauerstoff',
    },
    ended: 'Ende {{designation}}',
    status: {
      active: 'Aktiv',
      acknowledged: 'Quittiert',
      endedUnacknowledged: 'Beendet, nicht quittiert',
    },
    deviceType: {
      cl: 'BAYROL PoolManager Chlor (Cl)',
      br: 'BAYROL PoolManager Brom (Br)',
      o2: 'BAYROL PoolManager Aktivsauerstoff (O2)',
      pro: 'BAYROL PoolManager PRO',
      analyt: 'BAYROL Analyt',
    },
    journal: {
      outcome: {
        accepted: 'Vom Server angenommen',
        temporary: 'Vorübergehender Fehler',
        permanent: 'Fehlgeschlagen',
        interrupted: 'Unterbrochen',
      },
      status: {
        pending: 'Wartet',
        accepted: 'Angenommen',
        failed: 'Fehlgeschlagen',
      },
      nextAttempt: 'Nächster Versuch um {{time}}',
      rejected: 'Abgelehnt: {{address}}',
      interruptedDetail:
        'Das Programm wurde während des Sendens beendet: Der Server hat die E-Mail möglicherweise erhalten. Sie wird mit derselben Message-ID erneut gesendet.',
    },
    email: {
      subject: '{{deviceName}} ({{senderName}}): {{designation}}',
      dateTime: '{{date}}, {{time}}:',
      queueHeading: 'Alarmübersicht:',
      measurement: {
        ph: 'pH {{value}} [pH]',
        redox: 'mV {{value}} [mV]',
        chlorine: 'Cl {{value}} [mg/l]',
        temperature: 'T1 (Messwasser) {{value}} [°C]',
      },
      device: '{{deviceName}} ({{senderName}})',
      serialNumber: 'Seriennummer des Geräts: {{serialNumber}}',
      softwareVersion: '{{product}} Softwareversion: {{version}}',
      summary: {
        designation: 'Zurückgehaltene Alarm-E-Mails',
        count_one: '{{count}} Alarm-E-Mail seit {{since}} zurückgehalten:',
        count_other: '{{count}} Alarm-E-Mails seit {{since}} zurückgehalten:',
        item: '{{count}} × {{designation}}',
        limits:
          'Grenzen: {{maxPerWindow}} Alarm-E-Mails in {{window}}; dasselbe Ereignis eines Alarms höchstens einmal in {{holdOff}}.',
      },
    },
  },
} satisfies Namespace;
