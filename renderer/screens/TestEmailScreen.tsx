import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDuration, formatTime } from '../../shared/alarm-email';
import {
  conciseDetail,
  type MailCancelled,
  type MailFailed,
  type MailSent,
  type OneTapFix,
  type PresentedCertificate,
  type RejectedRecipient,
  type SmtpFailure,
} from '../../shared/mail-result';
import type { SettingsView } from '../../shared/settings';
import {
  isOneTapFixApplied,
  sameTestEmailSetup,
  testEmailSetupOf,
  type TestEmailAttempt,
  type TestEmailSetup,
} from '../../shared/test-email-attempt';
import type { BridgeError } from '../bridge';
import { PasswordUnusedWarning } from '../components/PasswordUnusedWarning';
import { useSettingsStore } from '../stores/settings-store';
import { subscribeToTestEmailEvents, useTestEmailStore } from '../stores/test-email-store';

/**
 * "Envoyer un e-mail test": what will be used and a send button, then the running step with the
 * elapsed time and a cancel button, then the result. A failure ends with the device's code on its
 * last line, as the device shows it. The attempt runs on the main side, so leaving the screen and
 * coming back shows it where it is.
 *
 * The last result is shown, under the time it started, only while the saved settings still match
 * the setup it used. Once they differ, or when a start was rejected, the screen shows the setup a
 * new attempt would use instead, because the old result no longer applies to it.
 */
export function TestEmailScreen() {
  const attempt = useTestEmailStore((state) => state.attempt);
  const loaded = useTestEmailStore((state) => state.loaded);
  const loadError = useTestEmailStore((state) => state.loadError);
  const requestError = useTestEmailStore((state) => state.requestError);
  const settings = useSettingsStore((state) => state.settings);

  useEffect(() => {
    const unsubscribe = subscribeToTestEmailEvents();
    void useTestEmailStore.getState().load();
    return unsubscribe;
  }, []);

  if (!loaded || !settings) return null;
  const setup = testEmailSetupOf(settings.smtp, settings.smtp.passwordSet, settings.recipients);
  const startError = requestError?.request === 'start' ? requestError.error : null;
  const cancelError = requestError?.request === 'cancel' ? requestError.error : null;
  let view = <SetupView settings={settings} setup={setup} startError={startError} />;
  if (attempt?.state === 'running') {
    view = (
      <>
        {startError ? <ErrorLine error={startError} messageKey="screen.startFailed" /> : null}
        <ProgressView attempt={attempt} />
      </>
    );
  } else if (attempt?.state === 'done' && !startError && sameTestEmailSetup(attempt.setup, setup)) {
    view = <ResultView attempt={attempt} settings={settings} />;
  }
  return (
    <div className="test-email">
      {loadError ? <ErrorLine error={loadError} messageKey="screen.loadFailed" /> : null}
      {cancelError ? <ErrorLine error={cancelError} messageKey="screen.cancelFailed" /> : null}
      {view}
    </div>
  );
}

function ErrorLine({ error, messageKey }: { error: BridgeError; messageKey: string }) {
  const { t } = useTranslation('mail');
  const message = error.error.i18nKey ? t(error.error.i18nKey, error.error.i18nValues ?? {}) : error.message;
  return (
    <p role="alert" className="field-error">
      {t(messageKey, { message })}
    </p>
  );
}

// Before an attempt, and whenever the saved settings changed since the last one: the setup a new
// attempt would use.

interface SetupViewProps {
  settings: SettingsView;
  setup: TestEmailSetup;
  /** Rejection of the last start, shown in place of the setup's own notes. */
  startError: BridgeError | null;
}

function SetupView({ settings, setup, startError }: SetupViewProps) {
  const { t } = useTranslation('mail');
  const starting = useTestEmailStore((state) => state.starting);
  const fixApplied = useTestEmailStore(
    (state) => state.fix?.state === 'applied' && state.fix.attemptId === state.attempt?.attemptId,
  );
  const { smtp } = settings;
  const { recipients } = setup;
  const notSet = t('screen.notSet');

  return (
    <section className="test-email__setup">
      {fixApplied ? (
        <p role="status" className="test-email__fix-applied">
          {t('screen.fixApplied')}
        </p>
      ) : null}
      <p className="test-email__intro">{t('screen.intro')}</p>
      <dl className="test-email__facts">
        <dt>{t('screen.server')}</dt>
        <dd>{smtp.server || notSet}</dd>
        <dt>{t('screen.security')}</dt>
        <dd>{t(`security.${smtp.security}`)}</dd>
        <dt>{t('screen.sender')}</dt>
        <dd>{smtp.senderAddress ? t('screen.senderValue', { name: smtp.senderName, address: smtp.senderAddress }) : notSet}</dd>
        <dt>{t('screen.userName')}</dt>
        <dd>{smtp.userName || t('screen.noUserName')}</dd>
        <dt>{t('screen.recipients')}</dt>
        <dd>
          {recipients.length === 0 ? (
            notSet
          ) : (
            <ul className="test-email__plain-list">
              {recipients.map((address) => (
                <li key={address}>{address}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <PasswordUnusedWarning smtp={smtp} />
      {recipients.length === 0 && !startError ? (
        <p className="field-error">
          {t('diagnosis.noRecipient.title')} {t('diagnosis.noRecipient.advice')}
        </p>
      ) : null}
      {startError ? <ErrorLine error={startError} messageKey="screen.startFailed" /> : null}
      <SendButton label={t('screen.send')} busy={starting} disabled={recipients.length === 0} primary />
    </section>
  );
}

interface SendButtonProps {
  label: string;
  busy: boolean;
  disabled?: boolean;
  primary?: boolean;
}

function SendButton({ label, busy, disabled = false, primary = false }: SendButtonProps) {
  const { t } = useTranslation('mail');
  return (
    <button
      type="button"
      className={`button test-email__send${primary ? ' button--primary' : ''}`}
      disabled={busy || disabled}
      onClick={() => void useTestEmailStore.getState().start()}
    >
      {busy ? t('screen.starting') : label}
    </button>
  );
}

// While running: the step in plain words, the elapsed time as a bar and in seconds.

/** Milliseconds since the attempt started, ticking between reports, at most the attempt's limit. */
function useElapsedMs(attempt: TestEmailAttempt): number {
  const receivedAt = useTestEmailStore((state) => state.receivedAt);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(performance.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  return Math.min(attempt.elapsedMs + Math.max(0, now - receivedAt), attempt.limitMs);
}

function ProgressView({ attempt }: { attempt: TestEmailAttempt }) {
  const { t } = useTranslation('mail');
  const cancelling = useTestEmailStore((state) => state.cancelling) || attempt.cancelRequested;
  const elapsedMs = useElapsedMs(attempt);
  const seconds = Math.floor(elapsedMs / 1000);
  const limitSeconds = Math.round(attempt.limitMs / 1000);
  const elapsedText = t('screen.elapsed', { count: seconds, limit: limitSeconds });
  const stepName = t(`step.${attempt.step}`);
  const stepText =
    attempt.step === 'recipient' && attempt.recipient
      ? t('progress.recipient', { step: stepName, address: attempt.recipient })
      : t('progress.step', { step: stepName });
  // The bar is the elapsed share of the time limit, the same fact as the text under it: the SMTP
  // steps take very different times, so a bar per step would jump and then stall.
  const percent = attempt.limitMs > 0 ? (elapsedMs / attempt.limitMs) * 100 : 0;

  return (
    <section className="test-email__progress">
      <div className="test-email__header-text">
        <h2 className="test-email__heading">{t('progress.title')}</h2>
        <UsedSetup attempt={attempt} />
      </div>
      <p className="test-email__step" aria-live="polite">
        {stepText}
      </p>
      <div
        className="test-email__bar"
        role="progressbar"
        aria-label={t('screen.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={limitSeconds}
        aria-valuenow={seconds}
        aria-valuetext={elapsedText}
      >
        <div className="test-email__bar-fill" style={{ width: `${percent.toFixed(1)}%` }} />
      </div>
      <p className="test-email__elapsed">{elapsedText}</p>
      <button
        type="button"
        className="button button--danger test-email__cancel"
        disabled={cancelling}
        onClick={() => void useTestEmailStore.getState().cancel()}
      >
        {cancelling ? t('screen.cancelling') : t('progress.cancel')}
      </button>
    </section>
  );
}

// After the attempt: sent, failed or cancelled.

function ResultView({ attempt, settings }: { attempt: TestEmailAttempt; settings: SettingsView }) {
  const result = attempt.result;
  if (!result) return null;
  switch (result.status) {
    case 'sent':
      return <SentView attempt={attempt} result={result} />;
    case 'failed':
      return <FailedView attempt={attempt} result={result} settings={settings} />;
    case 'cancelled':
      return <CancelledView attempt={attempt} result={result} />;
  }
}

/** Shows the server and security mode that the attempt uses, as saved when it started. */
function UsedSetup({ attempt }: { attempt: TestEmailAttempt }) {
  const { t } = useTranslation('mail');
  return (
    <p className="test-email__used">
      {attempt.setup.server} · {t(`security.${attempt.setup.security}`)}
    </p>
  );
}

interface ResultHeaderProps {
  attempt: TestEmailAttempt;
  tone: 'ok' | 'failed' | 'neutral';
  title: string;
  showSendAgain?: boolean;
}

/** Formats when an attempt started: the time of day, with the date before it when it was not today. */
function attemptTime(startedAt: string, now: Date = new Date()): string {
  const started = new Date(startedAt);
  const today = formatDate(started) === formatDate(now);
  return today ? formatTime(started) : `${formatDate(started)} ${formatTime(started)}`;
}

function ResultHeader({ attempt, tone, title, showSendAgain = true }: ResultHeaderProps) {
  const { t } = useTranslation('mail');
  const starting = useTestEmailStore((state) => state.starting);
  return (
    <div className="test-email__header">
      <div className="test-email__header-text">
        <h2 className="test-email__last-attempt">{t('screen.lastAttempt', { time: attemptTime(attempt.startedAt) })}</h2>
        <h3 className={`test-email__heading test-email__heading--${tone}`}>{title}</h3>
        <UsedSetup attempt={attempt} />
      </div>
      {showSendAgain ? <SendButton label={t('screen.sendAgain')} busy={starting} /> : null}
    </div>
  );
}

function SentView({ attempt, result }: { attempt: TestEmailAttempt; result: MailSent }) {
  const { t } = useTranslation('mail');
  return (
    <section className="test-email__result" aria-live="polite">
      <ResultHeader attempt={attempt} tone="ok" title={t('result.sent')} />
      <h3 className="test-email__subheading">{t('screen.recipientsTitle')}</h3>
      <ul className="test-email__recipients">
        {result.accepted.map((recipient) => (
          <li key={recipient.address} className="test-email__recipient test-email__recipient--accepted">
            <span className="test-email__recipient-state">{t('result.accepted', { address: recipient.address })}</span>
            {recipient.reply ? <code className="test-email__reply">{recipient.reply}</code> : null}
          </li>
        ))}
        {result.rejected.map((recipient) => (
          <RejectedRow key={recipient.address} recipient={recipient} />
        ))}
      </ul>
      <p className="test-email__check-code">
        {t('result.checkCode', { checkCode: result.checkCode })} <span className="test-email__muted">{t('result.checkCodeHint')}</span>
      </p>
      <p className="test-email__caveat">{t('result.notProof')}</p>
      <p className="test-email__muted">{t('result.notReceived')}</p>
      <p className="test-email__muted">{t('result.duration', { duration: formatDuration(result.elapsedMs) })}</p>
    </section>
  );
}

function RejectedRow({ recipient }: { recipient: RejectedRecipient }) {
  const { t } = useTranslation('mail');
  return (
    <li className="test-email__recipient test-email__recipient--rejected">
      <span className="test-email__recipient-state">{t('result.rejected', { address: recipient.address })}</span>
      {recipient.reply ? <code className="test-email__reply">{recipient.reply}</code> : null}
      <span className="test-email__muted">{t(`diagnosis.${recipient.diagnosis}.advice`)}</span>
      <code className="test-email__code">{recipient.deviceCode}</code>
    </li>
  );
}

function CancelledView({ attempt, result }: { attempt: TestEmailAttempt; result: MailCancelled }) {
  const { t } = useTranslation('mail');
  return (
    <section className="test-email__result" aria-live="polite">
      <ResultHeader attempt={attempt} tone="neutral" title={t('result.cancelled')} />
      <p>{t('screen.cancelledStep', { step: t(`step.${result.step}`) })}</p>
      <p className="test-email__muted">{t('result.duration', { duration: formatDuration(result.elapsedMs) })}</p>
    </section>
  );
}

function fixLabel(t: TFunction<'mail'>, fix: OneTapFix): string {
  switch (fix.kind) {
    case 'setSecurity': {
      const security = t(`security.${fix.security}`);
      return fix.port === undefined ? t('fix.setSecurity', { security }) : t('fix.setSecurityAndPort', { security, port: fix.port });
    }
    case 'setPort':
      return t('fix.setPort', { port: fix.port });
    case 'trustCertificate':
      return t('fix.trustCertificate', { host: fix.host, port: fix.port });
  }
}

function FailedView({ attempt, result, settings }: { attempt: TestEmailAttempt; result: MailFailed; settings: SettingsView }) {
  const { t } = useTranslation('mail');
  const { failure } = result;
  // The saved settings decide whether the fix is done, wherever it was applied from.
  const fixApplied = failure.fix !== undefined && isOneTapFixApplied(failure.fix, settings.smtp);
  const fixBlock = failure.fix ? <FixBlock attempt={attempt} fix={failure.fix} applied={fixApplied} /> : null;
  const certificateFix = failure.fix?.kind === 'trustCertificate';

  return (
    <section className="test-email__result" aria-live="assertive">
      <ResultHeader attempt={attempt} tone="failed" title={t('result.failed')} showSendAgain={!fixApplied} />
      <p className="test-email__diagnosis">{t(`diagnosis.${failure.diagnosis}.title`)}</p>
      <p>{t('result.failedStep', { step: t(`step.${failure.step}`) })}</p>
      {failure.serverReply ? (
        <div className="test-email__reply-block">
          <span>{t('screen.serverReply')}</span>
          <pre className="test-email__reply">{failure.serverReply}</pre>
        </div>
      ) : (
        <p className="test-email__muted">{t('result.noServerReply')}</p>
      )}
      <p>
        <strong>{t('result.whatToDo')}</strong> {t(`diagnosis.${failure.diagnosis}.advice`)}
      </p>
      {certificateFix ? null : fixBlock}
      {failure.certificate ? <CertificateDetails certificate={failure.certificate} /> : null}
      {certificateFix ? fixBlock : null}
      {failure.rejected && failure.rejected.length > 0 ? (
        <>
          <h3 className="test-email__subheading">{t('screen.refusedRecipients')}</h3>
          <ul className="test-email__recipients">
            {failure.rejected.map((recipient) => (
              <RejectedRow key={recipient.address} recipient={recipient} />
            ))}
          </ul>
        </>
      ) : null}
      <FailureDetail failure={failure} />
      <p className="test-email__muted">{t('result.duration', { duration: formatDuration(failure.elapsedMs) })}</p>
      <p className="test-email__device-code">{failure.deviceCode}</p>
    </section>
  );
}

/**
 * Shows the failure's technical detail: a time limit of the attempt in the user's language, or
 * else the English detail of the system or OpenSSL, shortened and labelled as such.
 */
function FailureDetail({ failure }: { failure: SmtpFailure }) {
  const { t } = useTranslation('mail');
  let text: string | null = null;
  if (failure.timeout) text = t(`result.timeout.${failure.timeout.limit}`, { duration: formatDuration(failure.timeout.ms) });
  else if (failure.detail) text = t('result.detail', { detail: conciseDetail(failure.detail) });
  return text ? <p className="test-email__muted test-email__detail">{text}</p> : null;
}

function FixBlock({ attempt, fix, applied }: { attempt: TestEmailAttempt; fix: OneTapFix; applied: boolean }) {
  const { t } = useTranslation('mail');
  const fixState = useTestEmailStore((state) => (state.fix?.attemptId === attempt.attemptId ? state.fix : null));
  const starting = useTestEmailStore((state) => state.starting);

  if (applied) {
    return (
      <div className="test-email__fix test-email__fix--applied">
        <p role="status">{t('screen.fixApplied')}</p>
        <SendButton label={t('screen.sendAgain')} busy={starting} primary />
      </div>
    );
  }
  return (
    <div className="test-email__fix">
      <button
        type="button"
        className="button button--primary test-email__fix-button"
        disabled={fixState?.state === 'applying'}
        onClick={() => void useTestEmailStore.getState().applyFix(fix)}
      >
        {fixState?.state === 'applying' ? t('screen.applyingFix') : fixLabel(t, fix)}
      </button>
      {fixState?.state === 'failed' ? <ErrorLine error={fixState.error} messageKey="screen.fixFailed" /> : null}
    </div>
  );
}

function CertificateDetails({ certificate }: { certificate: PresentedCertificate }) {
  const { t } = useTranslation('mail');
  return (
    <div className="test-email__certificate">
      <h3 className="test-email__subheading">{t('certificate.title')}</h3>
      {certificate.selfSigned ? <p className="test-email__muted">{t('certificate.selfSigned')}</p> : null}
      <p>{t('certificate.subject', { value: certificate.subject })}</p>
      <p>{t('certificate.issuer', { value: certificate.issuer })}</p>
      <p>{t('certificate.validFrom', { value: certificate.validFrom })}</p>
      <p>{t('certificate.validTo', { value: certificate.validTo })}</p>
      <p className="test-email__fingerprint">{t('certificate.fingerprint', { value: certificate.fingerprint256 })}</p>
      <p className="test-email__muted">{t('certificate.trustWarning')}</p>
    </div>
  );
}
