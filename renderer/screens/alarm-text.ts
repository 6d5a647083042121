import { useTranslation } from 'react-i18next';
import { alarmDesignation, eventDesignation, type Translate } from '../../shared/alarms';
import { formatDate, formatTime } from '../../shared/alarm-email';
import type { Alarm, AlarmQueueEntry } from '../../shared/device-state';
import { LANGUAGES, type Language } from '../../shared/settings';

/** Alarm designations and times in the UI language, with the same wording and formats as the alarm e-mails. */
export function useAlarmText() {
  const { i18n } = useTranslation('alarms');
  const language: Language = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'fr';
  const translate: Translate = (key, options) => i18n.t(key, options) as string;
  return {
    language,
    designation: (alarm: Alarm) => alarmDesignation(alarm, translate, language),
    /** The designation of an alarm's start, or of its end with "Fin" before it. */
    eventDesignation: (alarm: Alarm, event: 'start' | 'end') => eventDesignation(alarm, event, translate, language),
    /** The designation as the queue lists it: in square brackets once the alarm ended without acknowledgement. */
    queueDesignation: (entry: AlarmQueueEntry) => {
      const designation = alarmDesignation(entry.alarm, translate, language);
      return entry.status === 'endedUnacknowledged' ? `[${designation}]` : designation;
    },
  };
}

/** Formats a time as the device does (hh:mm, local time). */
export function clockTime(at: number): string {
  return formatTime(new Date(at));
}

/** Formats date and time with seconds, for the journal: "07.09.2012 09:41:05". */
export function dateTimeWithSeconds(at: number): string {
  const date = new Date(at);
  return `${formatDate(date)} ${formatTime(date)}:${String(date.getSeconds()).padStart(2, '0')}`;
}
