import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsFileSchema, toSettingsView } from './settings';

describe('settings schema', () => {
  it('accepts the defaults', () => {
    expect(settingsFileSchema.safeParse(defaultSettings()).success).toBe(true);
  });

  it('rejects a sender name with a line break', () => {
    const settings = defaultSettings();
    settings.smtp.senderName = 'PM5\r\nBcc: x@example.com';
    expect(settingsFileSchema.safeParse(settings).success).toBe(false);
  });

  it('view hides the password and tells whether one is set', () => {
    const settings = defaultSettings();
    settings.smtpPassword = { scheme: 'aes-256-gcm-keyfile', data: 'abc' };
    const view = toSettingsView(settings);
    expect(view.smtp.passwordSet).toBe(true);
    expect(JSON.stringify(view)).not.toContain('abc');
  });
});
