import { DEVICE_PROFILES, deviceTypeLine, alarmDesignation, eventDesignation, translateAlarms, type Translate } from './alarms';
import type { Alarm, AlarmQueueEntry, MeasuredValue, Measurements } from './device-state';
import type { DeviceCode, DiagnosisId, SmtpStep } from './mail-result';
import type { DeviceSettings, Language } from './settings';

/**
 * Alarm e-mails in the device's format:
 *
 *   07.09.2012, 09:41 :
 *   Avertissement de niveau rédox (5.0 l)
 *
 *   Aperçu de l'alarme :
 *   Alarme supérieure pH
 *   Avertissement de niveau rédox (5.0 l)
 *
 *   pH 8.00 [pH]
 *   mV 674 [mV]
 *   T1 (eau de mesure) 24.6 [°C]
 *
 *   BAYROL PoolManager chlore (Cl)
 *   PM5-démo (PM5 (démo))
 *   N° de série de l'appareil : ADDA01234F12
 *   PM5 version du logiciel : v140325-M1 (5.3.0)
 *
 * Lines are separated by "\n" with no trailing spaces and no final line break; nodemailer sends
 * them as CRLF. An alarm that ended but is not acknowledged is listed in square brackets. The
 * measurement block and the blank line after it are left out without flow signal. An empty
 * queue leaves the heading with no lines under it. Dates and times are the device's local time.
 */

export interface ComposedEmail {
  subject: string;
  text: string;
}

/** The device settings an alarm e-mail shows. */
export type EmailDevice = Pick<DeviceSettings, 'name' | 'type' | 'serialNumber' | 'softwareVersion'>;

/** The device's state and identity that every alarm e-mail ends with, and the language it is written in. */
export interface AlarmEmailContext {
  /** The alarm queue at the time of the e-mail, oldest first. */
  queue: readonly AlarmQueueEntry[];
  /** Null without flow signal. */
  measurements: Measurements | null;
  device: EmailDevice;
  senderName: string;
  language: Language;
  t: Translate;
}

export interface AlarmEmailInput extends AlarmEmailContext {
  event: 'start' | 'end';
  alarm: Alarm;
  /** When the alarm started or ended. */
  at: Date;
}

/** Composes the subject and body of an alarm e-mail. */
export function composeAlarmEmail(input: AlarmEmailInput): ComposedEmail {
  const designation = eventDesignation(input.alarm, input.event, input.t, input.language);
  const lines = [
    dateTimeLine(input.at, input.t, input.language),
    designation,
    '',
    ...queueBlock(input.queue, input.t, input.language),
    '',
    ...measurementBlock(input.measurements, input.device, input.t, input.language),
    ...deviceBlock(input.device, input.senderName, input.t, input.language),
  ];
  return { subject: subjectLine(designation, input.device, input.senderName, input.t, input.language), text: lines.join('\n') };
}

/** A group of alarm e-mails that storm control held back. */
export interface HeldBackItem {
  alarm: Alarm;
  event: 'start' | 'end';
  count: number;
}

export interface HeldBackSummaryInput extends AlarmEmailContext {
  held: readonly HeldBackItem[];
  /** When the first of them was held back. */
  since: Date;
  at: Date;
  limits: { maxPerWindow: number; windowMs: number; holdOffMs: number };
}

/**
 * Composes the e-mail listing the alarm e-mails held back by storm control, in the alarm
 * e-mail's format: date line, "E-mails d'alarme retenus", the count with one line per alarm
 * event ("3 × Fin Alarme supérieure pH"), the limits, then the current queue, measurements and device.
 */
export function composeHeldBackSummary(input: HeldBackSummaryInput): ComposedEmail {
  const { t, language } = input;
  const designation = translateAlarms(t, language, 'email.summary.designation');
  const total = input.held.reduce((sum, item) => sum + item.count, 0);
  const since = `${formatDate(input.since)}, ${formatTime(input.since)}`;
  const lines = [
    dateTimeLine(input.at, t, language),
    designation,
    '',
    translateAlarms(t, language, 'email.summary.count', { count: total, since }),
    ...input.held.map((item) =>
      translateAlarms(t, language, 'email.summary.item', {
        count: item.count,
        designation: eventDesignation(item.alarm, item.event, t, language),
      }),
    ),
    translateAlarms(t, language, 'email.summary.limits', {
      maxPerWindow: input.limits.maxPerWindow,
      window: formatDuration(input.limits.windowMs),
      holdOff: formatDuration(input.limits.holdOffMs),
    }),
    '',
    ...queueBlock(input.queue, t, language),
    '',
    ...measurementBlock(input.measurements, input.device, t, language),
    ...deviceBlock(input.device, input.senderName, t, language),
  ];
  return { subject: subjectLine(designation, input.device, input.senderName, t, language), text: lines.join('\n') };
}

/** Formats a date as the device does: dd.mm.yyyy in local time. */
export function formatDate(date: Date): string {
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
}

/** Formats a time as the device does: hh:mm, 24-hour, local time. */
export function formatTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Formats a duration as whole minutes ("60 min") when it is one, else in seconds ("1.5 s"). */
export function formatDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Formats a measured value with the device's number of decimals and a decimal point. */
export function formatMeasurement(value: MeasuredValue, measurements: Measurements): string | null {
  switch (value) {
    case 'ph':
      return measurements.ph.toFixed(2);
    case 'redox':
      return measurements.redox.toFixed(0);
    case 'chlorine':
      return measurements.freeChlorine === null ? null : measurements.freeChlorine.toFixed(2);
    case 'temperature':
      return measurements.temperature.toFixed(1);
  }
}

function subjectLine(designation: string, device: EmailDevice, senderName: string, t: Translate, language: Language): string {
  return translateAlarms(t, language, 'email.subject', { deviceName: device.name, senderName, designation });
}

function dateTimeLine(at: Date, t: Translate, language: Language): string {
  return translateAlarms(t, language, 'email.dateTime', { date: formatDate(at), time: formatTime(at) });
}

function queueBlock(queue: readonly AlarmQueueEntry[], t: Translate, language: Language): string[] {
  const lines = queue.map((entry) => {
    const designation = alarmDesignation(entry.alarm, t, language);
    return entry.status === 'endedUnacknowledged' ? `[${designation}]` : designation;
  });
  return [translateAlarms(t, language, 'email.queueHeading'), ...lines];
}

/** Returns the measurement lines and the blank line after them, or nothing without flow signal. */
function measurementBlock(measurements: Measurements | null, device: EmailDevice, t: Translate, language: Language): string[] {
  if (measurements === null) return [];
  const lines: string[] = [];
  for (const value of DEVICE_PROFILES[device.type].measuredValues) {
    const formatted = formatMeasurement(value, measurements);
    if (formatted !== null) lines.push(translateAlarms(t, language, `email.measurement.${value}`, { value: formatted }));
  }
  return [...lines, ''];
}

function deviceBlock(device: EmailDevice, senderName: string, t: Translate, language: Language): string[] {
  return [
    deviceTypeLine(device.type, t, language),
    translateAlarms(t, language, 'email.device', { deviceName: device.name, senderName }),
    translateAlarms(t, language, 'email.serialNumber', { serialNumber: device.serialNumber }),
    translateAlarms(t, language, 'email.softwareVersion', {
      product: DEVICE_PROFILES[device.type].product,
      version: device.softwareVersion,
    }),
  ];
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** State of an e-mail in the outbox: waiting to be sent, accepted by the server, or failed for good. */
export type OutboxStatus = 'pending' | 'accepted' | 'failed';

/** Result of one delivery attempt, as kept in the outbox and the journal ("Journal des e-mails"). */
export interface AttemptResult {
  /** `interrupted` when the program stopped during the attempt: the server may or may not have the message. */
  outcome: 'accepted' | 'temporary' | 'permanent' | 'interrupted';
  /** The device's code; on `accepted` it is `SMTP_rcpt fail` when some recipients were refused. */
  deviceCode: DeviceCode | null;
  diagnosis: DiagnosisId | null;
  step: SmtpStep | null;
  /** The server's reply: the final one on acceptance, the one that ended the attempt on failure. */
  serverReply: string | null;
  detail: string | null;
  /** Recipients the server refused. */
  rejected: { address: string; reply: string }[];
}

/** One alarm e-mail or held-back summary in the outbox. */
export interface OutboxEntry {
  id: string;
  /** Message-ID header, kept across retries and restarts. */
  messageId: string;
  kind: 'alarm' | 'summary';
  /** The alarm and its event, for an alarm e-mail; null for a summary. */
  alarm: Alarm | null;
  event: 'start' | 'end' | null;
  subject: string;
  text: string;
  createdAt: number;
  status: OutboxStatus;
  attempts: number;
  lastAttemptAt: number | null;
  /** Earliest time of the next attempt, for a pending e-mail waiting after a temporary failure. */
  nextAttemptAt: number | null;
  acceptedAt: number | null;
  /** Recipients of the last attempt. */
  recipients: string[];
  lastResult: AttemptResult | null;
}

/** One line of the "Journal des e-mails": a delivery attempt. */
export interface JournalEntry {
  at: number;
  outboxId: string;
  messageId: string;
  kind: OutboxEntry['kind'];
  alarm: Alarm | null;
  event: 'start' | 'end' | null;
  subject: string;
  recipients: string[];
  /** 1 for the first attempt of this e-mail. */
  attempt: number;
  result: AttemptResult;
  /** When the next attempt is due after a temporary failure. */
  nextAttemptAt: number | null;
}

/**
 * Returns, for each entry of a journal listed newest first, when its e-mail's next attempt is due,
 * or null once a later attempt of the same e-mail is listed: that retry has already happened.
 */
export function upcomingAttemptTimes(journal: readonly JournalEntry[]): (number | null)[] {
  const attempted = new Set<string>();
  return journal.map((entry) => {
    const upcoming = attempted.has(entry.outboxId) ? null : entry.nextAttemptAt;
    attempted.add(entry.outboxId);
    return upcoming;
  });
}
