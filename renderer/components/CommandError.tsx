import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../bridge';

/** Shows why a command failed, translated when the main side sent a translation key. */
export function CommandError({ error }: { error: BridgeError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p role="alert" className="field-error">
      {error.error.i18nKey ? t(error.error.i18nKey, error.error.i18nValues ?? {}) : error.message}
    </p>
  );
}
