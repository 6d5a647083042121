import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LENGTH } from '../../shared/settings';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/**
 * Renders a numeric keypad for the access code: masked display, one digit per tap, Effacer, OK and Annuler.
 * Digits, Backspace, Enter and Escape on a physical keyboard work too.
 */
export function CodeKeypad(props: {
  label: string;
  prompt: string;
  error?: string | null;
  busy?: boolean;
  onSubmit(code: string): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const labelId = useId();
  const { onSubmit, onCancel } = props;

  const press = (digit: string) => setCode((current) => (current.length < MAX_LENGTH.accessCode ? current + digit : current));
  const erase = () => setCode((current) => current.slice(0, -1));
  const submit = () => {
    if (code.length === 0) return;
    onSubmit(code);
    setCode('');
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (/^\d$/.test(event.key)) press(event.key);
      else if (event.key === 'Backspace') erase();
      else if (event.key === 'Enter') document.getElementById(`${labelId}-ok`)?.click();
      else if (event.key === 'Escape') onCancel?.();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [labelId, onCancel]);

  return (
    <div className="code-keypad" role="group" aria-labelledby={labelId}>
      <div className="code-keypad__side">
        <p className="code-keypad__prompt">{props.prompt}</p>
        <span id={labelId} className="setting-row__label">
          {props.label}
        </span>
        <output className="code-keypad__display" aria-label={t('access.digits', { count: code.length })}>
          {'●'.repeat(code.length) || '\u00a0'}
        </output>
        {props.error ? (
          <p role="alert" className="field-error">
            {props.error}
          </p>
        ) : null}
      </div>
      <div className="code-keypad__keys">
        {DIGITS.map((digit) => (
          <button key={digit} type="button" className="code-keypad__key" onClick={() => press(digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className="code-keypad__key code-keypad__key--wide" onClick={erase}>
          {t('access.erase')}
        </button>
        {onCancel ? (
          <button type="button" className="button code-keypad__key--wide" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        <button
          id={`${labelId}-ok`}
          type="button"
          className="button button--primary"
          disabled={props.busy || code.length === 0}
          onClick={submit}
        >
          {t('common.ok')}
        </button>
      </div>
    </div>
  );
}
