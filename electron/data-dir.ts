import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'poolmanager-email-kiosk';

/** Returns the per-user data folder: %APPDATA% on Windows, ~/Library/Application Support on macOS, XDG elsewhere. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), APP_FOLDER);
}
