import { randomUUID } from 'node:crypto';
import i18next, { type i18n } from 'i18next';
import { i18nResources } from '../../shared/i18n';
import type { DeviceSettings, Language } from '../../shared/settings';
import type { TestEmailProgress, TestEmailResult } from '../../shared/mail-result';
import { composeTestEmail, generateCheckCode, type TestEmailTranslate } from '../../shared/test-email';
import { composePlainTextEmail } from './compose';
import type { SmtpConfig } from './deliver';
import type { SmtpLimits } from './limits';
import type { Logger } from '../logger';
import type { LookupFunction } from './resolve';
import { runSmtpSession } from './session';

export interface TestEmailRequest {
  config: SmtpConfig;
  /** Active recipient addresses, with ASCII (punycode) domains. */
  recipients: string[];
  device: DeviceSettings;
  /** Language of the test e-mail. */
  language: Language;
}

export interface TestEmailOptions {
  /** Aborting ends the attempt at once, closing the connection; the result is then `cancelled`. */
  signal?: AbortSignal;
  onProgress?: (progress: TestEmailProgress) => void;
  limits?: Partial<SmtpLimits>;
  /** DNS lookup; `dns.promises.lookup` when absent. */
  lookup?: LookupFunction;
  /** Receives one line when the attempt starts and one when it ends; never the password. */
  logger?: Logger;
  /** Clock for the date in the e-mail. */
  now?: () => Date;
}

let translator: Promise<i18n> | undefined;

function mailTranslator(): Promise<i18n> {
  translator ??= (async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources: i18nResources(), lng: 'fr', fallbackLng: false, defaultNS: 'mail' });
    return instance;
  })();
  return translator;
}

/**
 * Sends the test e-mail ("Envoyer un e-mail test") to the given recipients and reports each SMTP
 * step through `onProgress`. The result is `sent` when the server accepted the message for at least
 * one recipient (refused ones are listed with their reply), `failed` with the step, device code and
 * diagnosis otherwise, or `cancelled`. The check code in the result is the one printed in the e-mail.
 */
export async function sendTestEmail(request: TestEmailRequest, options: TestEmailOptions = {}): Promise<TestEmailResult> {
  const { account, password } = request.config;
  const checkCode = generateCheckCode();
  const date = (options.now ?? (() => new Date()))();
  const i18n = await mailTranslator();
  const t: TestEmailTranslate = (key, values) => i18n.t(key, values);
  const content = composeTestEmail({
    device: { ...request.device, language: request.language },
    senderName: account.senderName,
    date,
    checkCode,
    t,
  });

  const recipients = [...new Set(request.recipients.map((address) => address.trim()).filter((address) => address !== ''))];
  const sender = account.senderAddress.trim();
  const senderDomain = /@([^@\s<>]+)$/.exec(sender)?.[1] ?? 'poolmanager.invalid';
  const message = await composePlainTextEmail({
    from: { name: account.senderName, address: sender },
    to: recipients,
    subject: content.subject,
    text: content.text,
    messageId: `test-${checkCode}-${randomUUID()}@${senderDomain}`,
    date,
  });

  const result = await runSmtpSession({ account, password, recipients, message }, options);

  switch (result.status) {
    case 'sent':
      return {
        status: 'sent',
        ok: true,
        accepted: result.accepted,
        rejected: result.rejected,
        response: result.response,
        checkCode,
        elapsedMs: result.elapsedMs,
      };
    case 'failed':
      return { status: 'failed', ok: false, failure: result.failure };
    case 'cancelled':
      return { status: 'cancelled', ok: false, step: result.step, elapsedMs: result.elapsedMs };
  }
}
