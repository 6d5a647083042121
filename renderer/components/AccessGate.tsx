import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge';
import { useAccessStore } from '../stores/access-store';
import { CodeKeypad } from './CodeKeypad';

/** Asks the IT-specialist access code before a protected screen; `remote` asks it before anything, for a remote browser. */
export function AccessGate({ onCancel, onGranted, remote = false }: { onCancel?(): void; onGranted?(): void; remote?: boolean }) {
  const { t } = useTranslation();
  const open = useAccessStore((state) => state.open);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (code: string) => {
    setBusy(true);
    try {
      const result = await bridge.verifyAccessCode({ code });
      if (result.granted) {
        open();
        onGranted?.();
      } else if (result.retryAfterSeconds) {
        setError(t('access.lockedOut', { count: result.retryAfterSeconds }));
      } else {
        setError(t('access.wrongCode'));
      }
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <CodeKeypad
      label={t('access.code')}
      prompt={remote ? t('access.remotePrompt') : t('access.prompt')}
      error={error}
      busy={busy}
      onSubmit={(code) => void submit(code)}
      onCancel={onCancel}
    />
  );
}
