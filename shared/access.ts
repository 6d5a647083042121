/**
 * The IT-specialist access level that guards the e-mail configuration, as on the device:
 * a numeric access code asked on entry, valid until a period of inactivity.
 */

/** Code of a fresh installation, in effect until the technician changes it. */
export const FACTORY_ACCESS_CODE = '1234';

/** An access code is 4 to 8 digits. */
export const ACCESS_CODE_PATTERN = /^\d{4,8}$/;

/** Inactivity after which the access level is left and the code asked again. */
export const ACCESS_INACTIVITY_MS = 10 * 60 * 1000;

/** Wrong codes accepted in a row before further attempts are refused for ACCESS_LOCKOUT_MS. */
export const ACCESS_MAX_FAILURES = 5;
export const ACCESS_LOCKOUT_MS = 60 * 1000;

/** sessionStorage key of the time until which the renderer's access level stays open, so that a reload keeps it. */
export const ACCESS_STORAGE_KEY = 'poolmanager.access.openUntil';

/** Name of the cookie that carries a remote browser's access session. */
export const ACCESS_SESSION_COOKIE = 'pm_session';

export interface AccessCheckResult {
  granted: boolean;
  /** Seconds until another attempt is accepted, after too many wrong codes. */
  retryAfterSeconds?: number;
}
