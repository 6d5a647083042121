import tls from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { parseEhloReply, SmtpTranscript } from './transcript';

// Quick probes that confirm a TLS mode mismatch before it is reported. They send no credentials
// and no envelope, and each ends within its time limit or when the signal aborts.

/** Tests whether a TLS handshake completes on this address and port, whatever the certificate. */
export function probeImplicitTls(
  address: string,
  port: number,
  servername: string | undefined,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: address, port, ...(servername ? { servername } : {}), rejectUnauthorized: false });
    const finish = (result: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => finish(false);
    const timer = setTimeout(() => finish(false), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

export interface PlainSmtpProbe {
  greeted: boolean;
  greeting?: string;
  offersStarttls: boolean;
}

/** Reads the greeting and the EHLO reply of a plain SMTP server, then disconnects. */
export function probePlainSmtp(address: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<PlainSmtpProbe> {
  return new Promise((resolve) => {
    const transcript = new SmtpTranscript(() => undefined);
    const connection = new SMTPConnection({
      host: address,
      port,
      secure: false,
      ignoreTLS: true,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      socketCloseTimeout: 0,
      logger: transcript.logger,
      transactionLog: true,
    });
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      connection.close();
      const greeting = transcript.lastReply('GREETING');
      resolve({
        greeted: greeting?.startsWith('220') ?? false,
        ...(greeting !== undefined ? { greeting } : {}),
        offersStarttls: parseEhloReply(transcript.lastReply('EHLO')).extensions.has('STARTTLS'),
      });
    };
    const timer = setTimeout(finish, timeoutMs);
    signal.addEventListener('abort', finish, { once: true });
    connection.on('error', finish);
    connection.once('end', finish);
    connection.connect(finish);
  });
}
