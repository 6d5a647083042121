import { useTranslation } from 'react-i18next';
import type { SmtpAccount } from '../../shared/settings';

/**
 * Warns that the saved SMTP password is not sent: sending logs in only when an SMTP user name is
 * set, so a password without one is silently ignored and the e-mail goes out without authentication.
 */
export function PasswordUnusedWarning({ smtp }: { smtp: Pick<SmtpAccount, 'userName'> & { passwordSet: boolean } }) {
  const { t } = useTranslation('ui');
  if (!smtp.passwordSet || smtp.userName !== '') return null;
  return (
    <p role="note" className="password-unused">
      {t('smtp.passwordUnused')}
    </p>
  );
}
