import type { SmtpStep } from '../../shared/mail-result';

/** SMTP command verbs of the transcript. GREETING and MESSAGE mark the two replies that have no command of their own. */
export type SmtpVerb =
  | 'GREETING'
  | 'EHLO'
  | 'HELO'
  | 'STARTTLS'
  | 'AUTH'
  | 'AUTH-RESPONSE'
  | 'MAIL'
  | 'RCPT'
  | 'DATA'
  | 'MESSAGE'
  | 'QUIT'
  | 'RSET'
  | 'UNSOLICITED';

/** One command and the reply the server gave to it. */
export interface SmtpExchange {
  verb: SmtpVerb;
  /** The address of MAIL FROM or RCPT TO. */
  address?: string;
  reply?: string;
}

const STEP_OF_VERB: Partial<Record<SmtpVerb, SmtpStep>> = {
  GREETING: 'greeting',
  EHLO: 'ehlo',
  HELO: 'ehlo',
  STARTTLS: 'starttls',
  AUTH: 'auth',
  'AUTH-RESPONSE': 'auth',
  MAIL: 'sender',
  RCPT: 'recipient',
  DATA: 'data',
  MESSAGE: 'data',
};

export function stepOfVerb(verb: SmtpVerb): SmtpStep | undefined {
  return STEP_OF_VERB[verb];
}

function parseCommand(line: string): SmtpExchange {
  const envelope = /^(MAIL FROM|RCPT TO):\s*<([^>]*)>/i.exec(line);
  if (envelope) {
    return { verb: envelope[1]?.toUpperCase() === 'MAIL FROM' ? 'MAIL' : 'RCPT', address: envelope[2] ?? '' };
  }
  const verb = /^(EHLO|HELO|AUTH) /i.exec(line)?.[1]?.toUpperCase() ?? line.trim().toUpperCase();
  switch (verb) {
    case 'EHLO':
    case 'HELO':
    case 'AUTH':
    case 'STARTTLS':
    case 'DATA':
    case 'QUIT':
    case 'RSET':
      return { verb };
    default:
      // Lines sent inside an AUTH exchange: base64 user name or password, or an empty line.
      return { verb: 'AUTH-RESPONSE' };
  }
}

type LogMethod = (entry: unknown, message?: unknown, ...args: unknown[]) => void;

/**
 * Pairs every SMTP command nodemailer sends with the server's reply, read from nodemailer's
 * transaction log (`transactionLog: true`). SMTP replies come in the order of the commands, also
 * with PIPELINING (RFC 2920), so a first-in first-out queue attributes each reply to its command.
 * nodemailer writes the log before the bytes go out, and masks passwords in it; nothing here is
 * written anywhere.
 */
export class SmtpTranscript {
  readonly exchanges: SmtpExchange[] = [];
  private readonly pending: SmtpExchange[] = [];

  constructor(private readonly onEvent: (event: 'command' | 'reply', exchange: SmtpExchange) => void) {
    this.expect({ verb: 'GREETING' });
  }

  /** Bunyan-style logger for nodemailer's `logger` option. */
  readonly logger: Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', LogMethod> = {
    trace: () => undefined,
    debug: (entry, message) => this.onLogEntry(entry, message),
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    fatal: () => undefined,
  };

  private onLogEntry(entry: unknown, message: unknown): void {
    const tnx = (entry as { tnx?: unknown } | null)?.tnx;
    if (typeof message !== 'string') return;
    if (tnx === 'client') {
      const exchange = parseCommand(message);
      this.expect(exchange);
      this.onEvent('command', exchange);
    } else if (tnx === 'server') {
      this.onReply(message);
    }
  }

  private expect(exchange: SmtpExchange): void {
    this.exchanges.push(exchange);
    this.pending.push(exchange);
  }

  private onReply(reply: string): void {
    const exchange = this.pending.shift() ?? { verb: 'UNSOLICITED' };
    if (exchange.verb === 'UNSOLICITED') this.exchanges.push(exchange);
    exchange.reply = reply;
    // After 354 the message data follows, and the reply to its end has no command of its own.
    if (exchange.verb === 'DATA' && reply.startsWith('3')) this.expect({ verb: 'MESSAGE' });
    this.onEvent('reply', exchange);
  }

  /** Returns the latest reply to a command with one of these verbs. */
  lastReply(...verbs: SmtpVerb[]): string | undefined {
    for (let index = this.exchanges.length - 1; index >= 0; index--) {
      const exchange = this.exchanges[index];
      if (exchange && verbs.includes(exchange.verb) && exchange.reply !== undefined) return exchange.reply;
    }
    return undefined;
  }

  /** Replies to RCPT TO, by address (the latest one wins if an address was sent twice). */
  recipientReplies(): Map<string, string> {
    const replies = new Map<string, string>();
    for (const exchange of this.exchanges) {
      if (exchange.verb === 'RCPT' && exchange.address !== undefined && exchange.reply !== undefined) {
        replies.set(exchange.address, exchange.reply);
      }
    }
    return replies;
  }
}

/** SMTP extensions and AUTH mechanisms read from an EHLO reply. */
export interface EhloCapabilities {
  extensions: Set<string>;
  authMechanisms: string[];
  advertisesAuth: boolean;
}

export function parseEhloReply(reply: string | undefined): EhloCapabilities {
  const extensions = new Set<string>();
  const authMechanisms: string[] = [];
  let advertisesAuth = false;
  const lines = (reply ?? '').split(/\r?\n/).slice(1);
  for (const raw of lines) {
    const line = raw.replace(/^\d{3}[ -]/, '').trim();
    const keyword = /^[A-Z0-9][A-Z0-9-]*/i.exec(line)?.[0]?.toUpperCase();
    if (!keyword) continue;
    extensions.add(keyword);
    if (keyword === 'AUTH' || /^AUTH=/i.test(line)) {
      advertisesAuth = true;
      for (const mechanism of line.slice(5).split(/[\s=]+/)) {
        const name = mechanism.trim().toUpperCase();
        if (name && !authMechanisms.includes(name)) authMechanisms.push(name);
      }
    }
  }
  return { extensions, authMechanisms, advertisesAuth };
}
