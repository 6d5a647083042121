import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredSecret } from '../../shared/settings';

/** Encrypts the SMTP password at rest. The Electron shell provides one backed by the OS keychain (safeStorage). */
export interface SecretCipher {
  readonly scheme: StoredSecret['scheme'];
  encrypt(plain: string): StoredSecret;
  decrypt(secret: StoredSecret): string;
}

const KEY_FILE = 'secret.key';

/**
 * Creates an AES-256-GCM cipher whose key lives in `secret.key` (mode 0600) in the data folder.
 * It keeps the password out of settings.json and its backups, but anyone who can read the data folder can decrypt it:
 * the Electron shell uses the OS keychain instead where the platform offers one.
 */
export function createKeyFileCipher(dataDir: string): SecretCipher {
  const keyPath = join(dataDir, KEY_FILE);
  let key: Buffer;
  try {
    key = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    key = randomBytes(32);
    writeFileSync(keyPath, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  if (key.length !== 32) throw new Error(`Invalid key file ${keyPath}: expected 32 bytes in base64. Delete it and enter the SMTP password again.`);

  return {
    scheme: 'aes-256-gcm-keyfile',
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return { scheme: 'aes-256-gcm-keyfile', data: Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64') };
    },
    decrypt(secret) {
      const raw = Buffer.from(secret.data, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
