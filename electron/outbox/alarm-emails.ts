import { parseEmailAddress } from '../../shared/address';
import { composeAlarmEmail, composeHeldBackSummary, type ComposedEmail } from '../../shared/alarm-email';
import type { Translate } from '../../shared/alarms';
import { alarmKey, type DeviceSnapshot } from '../../shared/device-state';
import type { ActiveEmails, DeviceSettings, Recipient } from '../../shared/settings';
import { decideAlarmEmail } from '../device/alarm-rules';
import type { DeviceSimulator } from '../device/simulator';
import type { Logger } from '../logger';
import type { AlarmEmailRequest, EnqueueResult, SummaryRequest } from './outbox';

/** The settings alarm e-mails depend on, read at each event; `SettingsFile` and `SettingsView` both fit. */
export interface AlarmEmailSettings {
  activeEmails: ActiveEmails;
  device: DeviceSettings;
  smtp: { senderName: string };
}

export interface AlarmEmailWiring {
  simulator: Pick<DeviceSimulator, 'on' | 'off' | 'snapshot'>;
  outbox: { enqueue(request: AlarmEmailRequest): Promise<EnqueueResult> };
  settings: () => AlarmEmailSettings;
  /** i18next's `t` (or any function of the same shape) with the `alarms` namespace loaded. */
  t: Translate;
  logger?: Logger;
}

/**
 * Sends the device's events through the e-mail rules into the outbox, composed in the device
 * language. Returns a function that disconnects them.
 */
export function connectAlarmEmails(wiring: AlarmEmailWiring): () => void {
  const listener = (event: Parameters<typeof decideAlarmEmail>[0]) => {
    const settings = wiring.settings();
    const decision = decideAlarmEmail(event, settings.activeEmails);
    if (decision === null) return;

    const email = composeAlarmEmail({
      ...decision,
      device: settings.device,
      senderName: settings.smtp.senderName,
      language: settings.device.language,
      t: wiring.t,
    });
    const request: AlarmEmailRequest = { alarm: decision.alarm, event: decision.event, at: decision.at, ...email };
    wiring.outbox.enqueue(request).catch((error: unknown) => {
      wiring.logger?.error('alarm e-mail could not be queued', {
        alarm: alarmKey(decision.alarm),
        event: decision.event,
        error: String(error),
      });
    });
  };
  wiring.simulator.on('deviceEvent', listener);
  return () => wiring.simulator.off('deviceEvent', listener);
}

/** Returns the outbox's summary composer: held-back events plus the device's state when the summary leaves. */
export function createSummaryComposer(wiring: Omit<AlarmEmailWiring, 'outbox' | 'logger'>): (request: SummaryRequest) => ComposedEmail {
  return (request) => {
    const settings = wiring.settings();
    const snapshot: DeviceSnapshot = wiring.simulator.snapshot();
    return composeHeldBackSummary({
      ...request,
      queue: snapshot.queue,
      measurements: snapshot.flow ? snapshot.measurements : null,
      device: settings.device,
      senderName: settings.smtp.senderName,
      language: settings.device.language,
      t: wiring.t,
    });
  };
}

/**
 * Returns the addresses of the active, non-empty recipients in the form the SMTP envelope
 * needs: trimmed, with the domain in its ASCII (punycode) form. An address that does not parse
 * is skipped and logged with its position, so that one bad entry does not stop the others.
 */
export function activeRecipientAddresses(recipients: readonly Recipient[], logger?: Logger): string[] {
  const addresses: string[] = [];
  recipients.forEach((recipient, index) => {
    if (!recipient.active || recipient.address.trim() === '') return;
    const parsed = parseEmailAddress(recipient.address);
    if (parsed.ok) {
      addresses.push(parsed.asciiAddress);
      return;
    }
    logger?.warn('active recipient address is invalid, skipped', {
      recipient: index + 1,
      address: parsed.value,
      error: parsed.error,
    });
  });
  return addresses;
}
