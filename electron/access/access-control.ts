import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import {
  ACCESS_CODE_PATTERN,
  ACCESS_INACTIVITY_MS,
  ACCESS_LOCKOUT_MS,
  ACCESS_MAX_FAILURES,
  FACTORY_ACCESS_CODE,
  type AccessCheckResult,
} from '../../shared/access';
import type { Logger } from '../logger';
import { RejectedRequestError } from '../requests/types';
import type { SettingsStore } from '../settings/settings-store';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;
const HASH_LENGTH = 32;

/** Hashes an access code as `scrypt$<salt>$<hash>`, both base64. */
export async function hashAccessCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(code, salt, HASH_LENGTH);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

async function matchesHash(code: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(code, Buffer.from(salt, 'base64'), expected.length);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Checks the IT-specialist access code, refusing attempts for a while after too many wrong ones,
 * and keeps the access sessions of remote browsers.
 */
export class AccessControl {
  private failures = 0;
  private lockedUntil = 0;
  private readonly sessions = new Map<string, number>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(code: string): Promise<AccessCheckResult> {
    const now = this.now();
    if (now < this.lockedUntil) return { granted: false, retryAfterSeconds: Math.ceil((this.lockedUntil - now) / 1000) };

    if (await this.matches(code)) {
      this.failures = 0;
      this.logger.info('access code accepted');
      return { granted: true };
    }

    this.failures += 1;
    this.logger.warn('wrong access code', { failures: this.failures });
    if (this.failures >= ACCESS_MAX_FAILURES) {
      this.failures = 0;
      this.lockedUntil = now + ACCESS_LOCKOUT_MS;
      return { granted: false, retryAfterSeconds: Math.ceil(ACCESS_LOCKOUT_MS / 1000) };
    }
    return { granted: false };
  }

  /** Replaces the access code after checking the current one; throws RejectedRequestError otherwise. */
  async change(currentCode: string, newCode: string): Promise<void> {
    const check = await this.verify(currentCode);
    if (!check.granted) {
      throw new RejectedRequestError('Wrong current access code: enter the code in use.', 'currentCode', 'access.wrongCode');
    }
    if (!ACCESS_CODE_PATTERN.test(newCode)) {
      throw new RejectedRequestError(`Invalid new access code: use 4 to 8 digits.`, 'newCode', 'access.invalidCode');
    }
    await this.settings.setAccessCodeHash(await hashAccessCode(newCode));
    this.sessions.clear();
    this.logger.info('access code changed');
  }

  private async matches(code: string): Promise<boolean> {
    const stored = this.settings.current().access.codeHash;
    if (stored === null) return code === FACTORY_ACCESS_CODE;
    return matchesHash(code, stored);
  }

  /** Opens an access session for a remote browser; the token goes into an HttpOnly cookie. */
  openSession(): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, this.now());
    return token;
  }

  /** Tells whether a session is open, and keeps it open for another inactivity period if so. */
  touchSession(token: string | undefined): boolean {
    if (!token) return false;
    const lastUse = this.sessions.get(token);
    if (lastUse === undefined) return false;
    if (this.now() - lastUse > ACCESS_INACTIVITY_MS) {
      this.sessions.delete(token);
      return false;
    }
    this.sessions.set(token, this.now());
    return true;
  }
}
