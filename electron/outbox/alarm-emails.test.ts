import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger';
import { activeRecipientAddresses } from './alarm-emails';

describe('activeRecipientAddresses', () => {
  it('returns active addresses in ASCII form', () => {
    const addresses = activeRecipientAddresses([
      { address: '  Piscine@Bücher.Example ', active: true },
      { address: 'technicien@example.com', active: true },
      { address: 'inactif@example.com', active: false },
    ]);
    expect(addresses).toEqual(['Piscine@xn--bcher-kva.example', 'technicien@example.com']);
  });

  it('skips empty addresses silently', () => {
    const logger = createMemoryLogger();
    expect(activeRecipientAddresses([{ address: '   ', active: true }], logger)).toEqual([]);
    expect(logger.lines).toEqual([]);
  });

  it('skips and logs an invalid address', () => {
    const logger = createMemoryLogger();
    const addresses = activeRecipientAddresses(
      [
        { address: 'technicien@example.com', active: true },
        { address: 'technicien@@example.com', active: true },
        { address: 'piscine@example..com', active: true },
      ],
      logger,
    );

    expect(addresses).toEqual(['technicien@example.com']);
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines[0]).toMatch(/^warn active recipient address is invalid, skipped .*"recipient":2.*"address":"technicien@@example.com"/);
    expect(logger.lines[1]).toContain('"recipient":3');
  });
});
