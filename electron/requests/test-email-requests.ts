import { applyOneTapFix } from '../mail/one-tap-fix';
import type { RequestHandlers } from './types';

export const testEmailRequests = {
  startTestEmail: (_input, services) => ({ attemptId: services.testEmail.start().attemptId }),

  cancelTestEmail: (input, services) => services.testEmail.cancel(input.attemptId),

  getTestEmailStatus: (_input, services) => services.testEmail.status(),

  /** Applies a fix offered by a test e-mail result to the saved SMTP account; the password is kept. */
  applyTestEmailFix: async (input, services) => {
    const account = applyOneTapFix(services.settings.current().smtp, input.fix);
    const view = await services.settings.update({ section: 'smtp', value: account });
    services.logger.info('test e-mail fix applied', {
      kind: input.fix.kind,
      server: account.server,
      security: account.security,
      ...(input.fix.kind === 'trustCertificate' ? { fingerprint256: input.fix.fingerprint256 } : {}),
    });
    return view;
  },
} satisfies Partial<RequestHandlers>;
