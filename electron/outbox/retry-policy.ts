/**
 * Back-off after a temporary failure (server or network down): the first retry after `baseMs`,
 * then doubling up to `maxMs`, each delay spread by ±`jitter` so that several devices behind
 * one failed link do not retry in step. The default bounds give 15 s, 30 s, 1 min, … up to 15 min.
 */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** Fraction of the delay, 0 to 1. */
  jitter: number;
}

export const RETRY_BASE_MS = 15_000;
export const RETRY_MAX_MS = 15 * 60_000;
export const RETRY_JITTER = 0.2;

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  baseMs: RETRY_BASE_MS,
  maxMs: RETRY_MAX_MS,
  jitter: RETRY_JITTER,
});

/** Checks every field of a policy; throws a RangeError naming the invalid value. */
export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  if (!Number.isFinite(policy.baseMs) || policy.baseMs <= 0) {
    throw new RangeError(`Retry baseMs must be a positive number of milliseconds, got ${policy.baseMs}.`);
  }
  if (!Number.isFinite(policy.maxMs) || policy.maxMs < policy.baseMs) {
    throw new RangeError(`Retry maxMs must be at least baseMs (${policy.baseMs} ms), got ${policy.maxMs}.`);
  }
  if (!(policy.jitter >= 0 && policy.jitter < 1)) {
    throw new RangeError(`Retry jitter must be a fraction from 0 up to 1, got ${policy.jitter}.`);
  }
  return policy;
}

/**
 * Returns the wait before retry number `failures` (1 after the first failure), with jitter drawn
 * from `random` (uniform in [0, 1)); never more than `maxMs`.
 */
export function retryDelay(policy: RetryPolicy, failures: number, random: () => number): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const spread = 1 - policy.jitter + 2 * policy.jitter * random();
  return Math.min(policy.maxMs, Math.round(nominal * spread));
}
