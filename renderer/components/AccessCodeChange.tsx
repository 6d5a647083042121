import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESS_CODE_PATTERN } from '../../shared/access';
import { bridge, BridgeError } from '../bridge';
import { CodeKeypad } from './CodeKeypad';

/** Changes the access code in two steps on the keypad: the current code, then the new one. */
export function AccessCodeChange({ onDone }: { onDone(changed: boolean): void }) {
  const { t } = useTranslation();
  const [currentCode, setCurrentCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submitNewCode = async (newCode: string) => {
    if (!ACCESS_CODE_PATTERN.test(newCode)) {
      setError(t('access.invalidCode'));
      return;
    }
    setBusy(true);
    try {
      await bridge.changeAccessCode({ currentCode: currentCode!, newCode });
      onDone(true);
    } catch (failure) {
      const key = failure instanceof BridgeError ? failure.error.i18nKey : undefined;
      setError(key ? t(key) : (failure as Error).message);
      if (key === 'access.wrongCode') setCurrentCode(null);
    } finally {
      setBusy(false);
    }
  };

  return currentCode === null ? (
    <CodeKeypad
      key="current"
      label={t('access.currentCode')}
      prompt={t('access.change')}
      error={error}
      onSubmit={(code) => {
        setError(null);
        setCurrentCode(code);
      }}
      onCancel={() => onDone(false)}
    />
  ) : (
    <CodeKeypad
      key="new"
      label={t('access.newCode')}
      prompt={t('access.invalidCode')}
      error={error}
      busy={busy}
      onSubmit={(code) => void submitNewCode(code)}
      onCancel={() => onDone(false)}
    />
  );
}
