/**
 * Time limits of one SMTP attempt, in milliseconds. nodemailer's own defaults are 2 min to
 * connect, 30 s for the greeting and 10 min of socket inactivity. That is far too long for a
 * technician waiting at the panel, so every phase gets its own bound and the whole attempt one more:
 * - dnsMs: name resolution (10 s; a resolver that has not answered by then is not going to).
 * - connectMs: TCP connection, all resolved addresses together (10 s).
 * - tlsMs: TLS handshake, for SSL/TLS and after STARTTLS (10 s).
 * - greetingMs: from connection to the server's 220 greeting (10 s; RFC 5321 allows a server
 *   5 minutes, but providers greet within a second and a silent port is usually an implicit-TLS port).
 * - socketMs: silence allowed while waiting for any other reply (20 s).
 * - attemptMs: the whole attempt, probes included (45 s).
 * - probeMs: each quick probe that confirms a TLS mode mismatch (3 s).
 */
export interface SmtpLimits {
  dnsMs: number;
  connectMs: number;
  tlsMs: number;
  greetingMs: number;
  socketMs: number;
  attemptMs: number;
  probeMs: number;
}

export const SMTP_LIMITS: Readonly<SmtpLimits> = Object.freeze({
  dnsMs: 10_000,
  connectMs: 10_000,
  tlsMs: 10_000,
  greetingMs: 10_000,
  socketMs: 20_000,
  attemptMs: 45_000,
  probeMs: 3_000,
});

/** Merges partial limits over the defaults; rejects values that are not positive finite numbers. */
export function resolveLimits(overrides: Partial<SmtpLimits> = {}): SmtpLimits {
  const limits: SmtpLimits = { ...SMTP_LIMITS };
  for (const [name, value] of Object.entries(overrides) as [keyof SmtpLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!(name in SMTP_LIMITS)) {
      throw new RangeError(`Unknown SMTP time limit "${name}"; use one of ${Object.keys(SMTP_LIMITS).join(', ')}.`);
    }
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`SMTP time limit ${name} must be a positive number of milliseconds, got ${String(value)}.`);
    }
    limits[name] = value;
  }
  return limits;
}
