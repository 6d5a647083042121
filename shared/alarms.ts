import type { DeviceType, Language } from './settings';
import type { Alarm, AlarmEnding, AlarmKind, DosingChannel, MeasuredValue } from './device-state';

/**
 * Translation function of the `alarms` namespace. i18next's `t` fits: every call passes the
 * language (`lng`), the namespace (`ns`) and switches HTML escaping off, because e-mails are plain
 * text and a sender name such as "PM5 (Meier/Munich)" must stay as typed.
 */
export type Translate = (key: string, options: TranslateOptions) => string;

export interface TranslateOptions {
  lng: Language;
  ns: 'alarms';
  interpolation: { escapeValue: false };
  [value: string]: unknown;
}

/** Calls `t` in the `alarms` namespace of `language` with `values` interpolated as they are. */
export function translateAlarms(t: Translate, language: Language, key: string, values: Record<string, unknown> = {}): string {
  return t(key, { ...values, lng: language, ns: 'alarms', interpolation: { escapeValue: false } });
}

/** Measured values, dosing channels and product name of one device type. */
export interface DeviceProfile {
  /** Values measured and shown, in the order of the e-mail's measurement lines. */
  measuredValues: readonly MeasuredValue[];
  /** Dosing channels with a watched canister. */
  dosingChannels: readonly DosingChannel[];
  /** Product name before "version du logiciel" in the e-mail. */
  product: 'PM5' | 'Analyt';
}

/**
 * Device types and what they measure. PoolManager chlore (Cl), brome (Br) and oxygène actif (O2)
 * control disinfection by the redox potential and have no free chlorine cell, so the alarm e-mail
 * of a chlore (Cl) device lists pH, mV and T1 only (example in BAYROL's manual "Fonctions de
 * messagerie électronique PoolManager / Analyt", section 3.6.1). PRO and Analyt have a
 * free chlorine cell: their e-mails add a "Cl … [mg/l]" line after the mV line, and their chlorine
 * canister is the "chlorine" channel.
 */
export const DEVICE_PROFILES: Record<DeviceType, DeviceProfile> = {
  cl: { measuredValues: ['ph', 'redox', 'temperature'], dosingChannels: ['ph', 'redox'], product: 'PM5' },
  br: { measuredValues: ['ph', 'redox', 'temperature'], dosingChannels: ['ph', 'redox'], product: 'PM5' },
  o2: { measuredValues: ['ph', 'redox', 'temperature'], dosingChannels: ['ph', 'o2'], product: 'PM5' },
  pro: {
    measuredValues: ['ph', 'redox', 'chlorine', 'temperature'],
    dosingChannels: ['ph', 'chlorine'],
    product: 'PM5',
  },
  analyt: {
    measuredValues: ['ph', 'redox', 'chlorine', 'temperature'],
    dosingChannels: ['ph', 'chlorine'],
    // NOTE: the manual shows the version line of a PoolManager only ("PM5 version du logiciel");
    // "Analyt" in its place is an assumption.
    product: 'Analyt',
  },
};

export function measuresFreeChlorine(type: DeviceType): boolean {
  return DEVICE_PROFILES[type].measuredValues.includes('chlorine');
}

/** Remaining quantity of a level warning raised by hand, as in BAYROL's example e-mail. */
export const DEFAULT_LEVEL_WARNING_LITRES = 5.0;

/** Alarm kinds and how each ends; the flow alarm's ending depends on the flow-alarm acknowledgement. */
export const ALARM_KINDS: Record<Exclude<AlarmKind, 'noFlow'>, { ending: AlarmEnding; source: 'measuredValue' | 'dosingChannel' }> = {
  upper: { ending: 'condition', source: 'measuredValue' },
  lower: { ending: 'condition', source: 'measuredValue' },
  levelWarning: { ending: 'condition', source: 'dosingChannel' },
  levelAlarm: { ending: 'condition', source: 'dosingChannel' },
  dosingAlarm: { ending: 'acknowledgement', source: 'dosingChannel' },
};

/**
 * Lists every alarm a device of this type can raise, in the order of a demo panel: measured
 * values (upper, lower), then per canister level warning, level alarm and dosing alarm, then the
 * flow alarm.
 */
export function deviceAlarms(type: DeviceType): Alarm[] {
  const profile = DEVICE_PROFILES[type];
  const list: Alarm[] = [];
  for (const value of profile.measuredValues) {
    list.push({ kind: 'upper', value }, { kind: 'lower', value });
  }
  for (const channel of profile.dosingChannels) {
    list.push(
      { kind: 'levelWarning', channel, remainingLitres: DEFAULT_LEVEL_WARNING_LITRES },
      { kind: 'levelAlarm', channel },
      { kind: 'dosingAlarm', channel },
    );
  }
  list.push({ kind: 'noFlow' });
  return list;
}

/** Tells whether a device of this type has the measured value or canister the alarm is about. */
export function alarmAppliesTo(alarm: Alarm, type: DeviceType): boolean {
  const profile = DEVICE_PROFILES[type];
  switch (alarm.kind) {
    case 'upper':
    case 'lower':
      return profile.measuredValues.includes(alarm.value);
    case 'levelWarning':
    case 'levelAlarm':
    case 'dosingAlarm':
      return profile.dosingChannels.includes(alarm.channel);
    case 'noFlow':
      return true;
  }
}

/** Formats a remaining quantity as the device does: litres with one decimal and a decimal point. */
export function formatLitres(litres: number): string {
  return litres.toFixed(1);
}

/** Returns the alarm's designation in `language`, e.g. "Avertissement de niveau rédox (5.0 l)". */
export function alarmDesignation(alarm: Alarm, t: Translate, language: Language): string {
  switch (alarm.kind) {
    case 'upper':
    case 'lower':
      return translateAlarms(t, language, `designation.${alarm.kind}.${alarm.value}`);
    case 'levelWarning':
      return translateAlarms(t, language, 'designation.levelWarning', {
        channel: translateAlarms(t, language, `channel.${alarm.channel}`),
        remaining: formatLitres(alarm.remainingLitres),
      });
    case 'levelAlarm':
    case 'dosingAlarm':
      return translateAlarms(t, language, `designation.${alarm.kind}`, {
        channel: translateAlarms(t, language, `channel.${alarm.channel}`),
      });
    case 'noFlow':
      return translateAlarms(t, language, 'designation.noFlow');
  }
}

/** Returns the designation of an alarm's start or end; the end gets "Fin " before it. */
export function eventDesignation(alarm: Alarm, event: 'start' | 'end', t: Translate, language: Language): string {
  const designation = alarmDesignation(alarm, t, language);
  return event === 'end' ? translateAlarms(t, language, 'ended', { designation }) : designation;
}

/** Returns the line naming the device type and care program, e.g. "BAYROL PoolManager chlore (Cl)". */
export function deviceTypeLine(type: DeviceType, t: Translate, language: Language): string {
  return translateAlarms(t, language, `deviceType.${type}`);
}
