import { describe, expect, it } from 'vitest';
import { seededRandom } from '../device/test-support';
import { DEFAULT_RETRY_POLICY, resolveRetryPolicy, retryDelay } from './retry-policy';

describe('retryDelay', () => {
  it('doubles from 15 s up to 15 min', () => {
    const policy = resolveRetryPolicy({ jitter: 0 });
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 50].map((failures) => retryDelay(policy, failures, Math.random));

    expect(delays).toEqual([15_000, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
  });

  it('spreads each delay by the jitter', () => {
    const random = seededRandom(7);
    const delays = Array.from({ length: 500 }, () => retryDelay(DEFAULT_RETRY_POLICY, 2, random));

    expect(Math.min(...delays)).toBeGreaterThanOrEqual(24_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(36_000);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });

  it('never exceeds the maximum', () => {
    expect(retryDelay(DEFAULT_RETRY_POLICY, 20, () => 0.999)).toBe(DEFAULT_RETRY_POLICY.maxMs);
  });

  it('rejects invalid policies', () => {
    expect(() => resolveRetryPolicy({ baseMs: 0 })).toThrow(/baseMs must be a positive number of milliseconds, got 0/);
    expect(() => resolveRetryPolicy({ baseMs: 1000, maxMs: 500 })).toThrow(/maxMs must be at least baseMs \(1000 ms\), got 500/);
    expect(() => resolveRetryPolicy({ jitter: 1 })).toThrow(/jitter must be a fraction from 0 up to 1, got 1/);
  });
});
