import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../bridge';

/** Shows why a save failed, translated when the main side sent a translation key. */
export function SaveError({ error }: { error: BridgeError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error.error.i18nKey ? t(error.error.i18nKey, error.error.i18nValues ?? {}) : error.message;
  return (
    <p role="alert" className="field-error">
      {t('errors.saveFailed', { message })}
    </p>
  );
}
