import { describe, expect, it } from 'vitest';
import { isRequestName, parseRequestInput } from './contract';
import { defaultSettings } from './settings';

describe('request validation', () => {
  it('accepts a valid section update', () => {
    const result = parseRequestInput('updateSettings', { section: 'activeEmails', value: { alarms: true, noFlowSignal: false } });
    expect(result.ok).toBe(true);
  });

  it('names the offending field', () => {
    const result = parseRequestInput('updateSettings', { section: 'activeEmails', value: { alarms: 1, noFlowSignal: false } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe('value.alarms');
      expect(result.error.message).toContain('"value.alarms"');
    }
  });

  it('rejects an unknown section', () => {
    const result = parseRequestInput('updateSettings', { section: 'firmware', value: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe('section');
  });

  it('rejects extra fields', () => {
    const result = parseRequestInput('getSettings', { all: true });
    expect(result.ok).toBe(false);
  });

  it('rejects a header injection in the sender name', () => {
    const smtp = { ...defaultSettings().smtp, senderName: 'PM5\nBcc: victim@example.com' };
    const result = parseRequestInput('updateSettings', { section: 'smtp', value: smtp });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe('value.senderName');
  });

  it('rejects a read-only software version', () => {
    const device = defaultSettings().device;
    const result = parseRequestInput('updateSettings', { section: 'device', value: device });
    expect(result.ok).toBe(false);
  });

  it('rejects an empty password instead of storing it', () => {
    const result = parseRequestInput('updateSettings', { section: 'smtp', value: defaultSettings().smtp, password: { set: '' } });
    expect(result.ok).toBe(false);
  });

  it('knows only the contract names', () => {
    expect(isRequestName('getSettings')).toBe(true);
    expect(isRequestName('toString')).toBe(false);
    expect(isRequestName('__proto__')).toBe(false);
  });
});
