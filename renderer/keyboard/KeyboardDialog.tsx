import { useCallback, useEffect, useId, useMemo, useReducer, useRef, useState, type MouseEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import type SimpleKeyboard from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import { LANGUAGES, type Language } from '../../shared/settings';
import { caretFromPoint, graphemeSegments, type GraphemeBox } from './caret-position';
import { applyKey, applyPhysicalKey, type EditRejection, type EditResult, type EditState } from './editing';
import { ALT_MODES, displayLabels, functionKeyNames, isFunctionKey, layoutFor, nextMode, type KeyboardMode } from './layouts';

export interface KeyboardDialogProps {
  /** Field label: the dialog's title and accessible name. */
  label: string;
  initialValue: string;
  /** Maximum length in UTF-16 code units, enforced on every key. */
  maxLength: number;
  /** Masks the value with a show toggle. */
  password?: boolean;
  /** Help shown under the value while there is no error. */
  hint?: string;
  /** Returns the translated message of an invalid value, or null; the dialog stays open while invalid. */
  validate?(value: string): string | null;
  /** Saves a valid value; resolves to a translated message when saving failed, or null once saved. */
  onSubmit(value: string): Promise<string | null>;
  onCancel(): void;
}

/** Backspace held longer than this starts repeating, as on a hardware keyboard. */
const REPEAT_DELAY_MS = 500;
const REPEAT_INTERVAL_MS = 100;
const MASK = '●';

/**
 * Full-screen editing of one text field with the on-screen keyboard: the label, the value with a
 * caret that a touch places, OK and Annuler, and the keyboard in the UI language's layout.
 * A physical keyboard works too (Enter is OK, Escape is Annuler). The app under the dialog is
 * inert while it is open, so that touches and screen readers reach only the dialog.
 */
export function KeyboardDialog(props: KeyboardDialogProps) {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const messageId = useId();
  const language: Language = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'fr';

  // The edited value lives in a ref, so key handlers read the latest state even when two events
  // arrive before React renders. `rerender` shows each change.
  const edit = useRef<EditState>({ value: props.initialValue, caret: props.initialValue.length });
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const [mode, setMode] = useState<KeyboardMode>('letters');
  const [rejection, setRejection] = useState<EditRejection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const valueBox = useRef<HTMLDivElement>(null);
  const repeatTimer = useRef<number | undefined>(undefined);
  const keyboard = useRef<SimpleKeyboard | null>(null);
  const mounted = useRef(true);

  const apply = useCallback((result: EditResult) => {
    const changed = result.value !== edit.current.value;
    edit.current = { value: result.value, caret: result.caret };
    setRejection(result.rejected ?? null);
    if (changed) setError(null);
    rerender();
  }, []);

  const stopRepeat = useCallback(() => {
    window.clearTimeout(repeatTimer.current);
    repeatTimer.current = undefined;
  }, []);

  const submit = async () => {
    if (busy) return;
    const value = edit.current.value;
    const invalid = props.validate?.(value) ?? null;
    if (invalid !== null) {
      setError(invalid);
      return;
    }
    setBusy(true);
    const failure = await props.onSubmit(value);
    if (!mounted.current) return;
    setBusy(false);
    if (failure !== null) setError(failure);
  };

  // Handlers registered once (simple-keyboard options, document listeners) call the latest render's functions.
  const latest = useRef({ submit, cancel: props.onCancel, maxLength: props.maxLength });
  latest.current = { submit, cancel: props.onCancel, maxLength: props.maxLength };

  const onKeyPress = useCallback(
    (button: string) => {
      if (button === '{shift}' || button === '{alt}') {
        setMode((current) => nextMode(current, button));
        return;
      }
      apply(applyKey(edit.current, button, latest.current.maxLength));
      if (button !== '{bksp}') return;

      stopRepeat();
      const repeat = () => {
        apply(applyKey(edit.current, '{bksp}', latest.current.maxLength));
        repeatTimer.current = window.setTimeout(repeat, REPEAT_INTERVAL_MS);
      };
      repeatTimer.current = window.setTimeout(repeat, REPEAT_DELAY_MS);
    },
    [apply, stopRepeat],
  );

  useEffect(() => {
    mounted.current = true;
    const root = document.getElementById('root');
    if (root) root.inert = true;

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === 'Escape') {
        event.preventDefault();
        if (event.repeat) return;
        if (event.key === 'Enter') void latest.current.submit();
        else latest.current.cancel();
        return;
      }
      if (event.isComposing) return;
      const result = applyPhysicalKey(edit.current, event, latest.current.maxLength);
      if (!result.handled) return;
      event.preventDefault();
      apply(result);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerup', stopRepeat);
    document.addEventListener('pointercancel', stopRepeat);

    return () => {
      mounted.current = false;
      if (root) root.inert = false;
      stopRepeat();
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerup', stopRepeat);
      document.removeEventListener('pointercancel', stopRepeat);
    };
  }, [apply, stopRepeat]);

  const keyboardOptions = useMemo(() => {
    const rows = layoutFor(language, mode).default;
    const layout: Record<string, string[]> = { default: rows };
    const keys = [...new Set(rows.flatMap((row) => row.split(' ')))];
    const translate = (key: string) => t(key);
    const names = functionKeyNames(translate);
    const altActive = (ALT_MODES as readonly KeyboardMode[]).includes(mode);
    return {
      layout,
      display: { ...displayLabels(translate) } as Record<string, string>,
      buttonAttributes: [
        { attribute: 'type', value: 'button' },
        ...keys.map((key) => ({ attribute: 'aria-label', value: isFunctionKey(key) ? names[key] : key, buttons: key })),
        { attribute: 'aria-pressed', value: String(mode === 'shift'), buttons: '{shift}' },
        { attribute: 'aria-pressed', value: String(altActive), buttons: '{alt}' },
      ],
      buttonTheme: [
        { class: 'kbd-key--function', buttons: '{bksp} {shift} {alt} {left} {right}' },
        { class: 'kbd-key--space', buttons: '{space}' },
        ...(mode === 'shift' ? [{ class: 'kbd-key--on', buttons: '{shift}' }] : []),
        ...(altActive ? [{ class: 'kbd-key--on', buttons: '{alt}' }] : []),
      ],
    };
  }, [language, mode, t]);

  const placeCaret = (event: MouseEvent<HTMLDivElement>) => {
    const boxes: GraphemeBox[] = [];
    for (const element of Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-start]'))) {
      const rect = element.getBoundingClientRect();
      boxes.push({
        start: Number(element.dataset.start),
        end: Number(element.dataset.end),
        left: rect.left,
        right: rect.right,
        top: rect.top,
        bottom: rect.bottom,
      });
    }
    const { value } = edit.current;
    apply({ value, caret: caretFromPoint(boxes, event.clientX, event.clientY, value.length) });
  };

  // The caret is kept in view when the value is longer than the box.
  useEffect(() => {
    const caret = valueBox.current?.querySelector<HTMLElement>('.kbd-dialog__caret');
    if (caret && typeof caret.scrollIntoView === 'function') caret.scrollIntoView({ block: 'nearest' });
  });

  const { value, caret } = edit.current;
  const masked = props.password === true && !revealed;
  const segments = graphemeSegments(value);
  const characters = segments.map((segment) => (
    <span key={segment.start} className="kbd-dialog__char" data-start={segment.start} data-end={segment.end}>
      {masked ? MASK : segment.text}
    </span>
  ));
  const caretIndex = segments.findIndex((segment) => segment.start >= caret);
  const caretElement = <span key="caret" className="kbd-dialog__caret" aria-hidden="true" />;
  characters.splice(caretIndex < 0 ? characters.length : caretIndex, 0, caretElement);

  let rejectionMessage: string | null = null;
  if (rejection === 'maxLength') rejectionMessage = t('keyboard:rejected.maxLength', { max: props.maxLength });
  if (rejection === 'control') rejectionMessage = t('keyboard:rejected.control');
  const hint = busy ? t('editing.saving') : (props.hint ?? t('editing.caretHint'));

  return createPortal(
    <div className="kbd-dialog" role="dialog" aria-modal="true" aria-labelledby={labelId}>
      <div className="kbd-dialog__top">
        <div className="kbd-dialog__field">
          <h2 id={labelId} className="kbd-dialog__label">
            {props.label}
          </h2>
          <div
            ref={valueBox}
            role="textbox"
            aria-labelledby={labelId}
            aria-describedby={messageId}
            className="kbd-dialog__value"
            onClick={placeCaret}
          >
            {characters}
          </div>
        </div>
        <div className="kbd-dialog__actions">
          {props.password ? (
            <button type="button" className="button" aria-pressed={revealed} onClick={() => setRevealed((shown) => !shown)}>
              {revealed ? t('editing.hidePassword') : t('editing.showPassword')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void submit()}>
            {t('common.ok')}
          </button>
        </div>
      </div>
      <div id={messageId} className="kbd-dialog__messages">
        {error !== null ? (
          <p role="alert" className="field-error kbd-dialog__message">
            {error}
          </p>
        ) : rejectionMessage !== null ? (
          <p role="status" className="kbd-dialog__message kbd-dialog__message--notice">
            {rejectionMessage}
          </p>
        ) : (
          <p className="kbd-dialog__message kbd-dialog__message--hint">{hint}</p>
        )}
      </div>
      <div className="kbd-dialog__status">
        <span>{t(`keyboard:modes.${mode}`)}</span>
        <span>{t('editing.length', { length: value.length, max: props.maxLength })}</span>
      </div>
      <div className="kbd-dialog__keyboard">
        <Keyboard
          layout={keyboardOptions.layout}
          layoutName="default"
          display={keyboardOptions.display}
          mergeDisplay={false}
          buttonAttributes={keyboardOptions.buttonAttributes}
          buttonTheme={keyboardOptions.buttonTheme}
          theme="hg-theme-default kbd"
          useButtonTag
          disableButtonHold
          disableCaretPositioning
          onKeyPress={onKeyPress}
          onKeyReleased={stopRepeat}
          keyboardRef={(instance: SimpleKeyboard) => {
            keyboard.current = instance;
          }}
          // simple-keyboard's own copy of the input is not used: the value above is the only state.
          onChange={() => keyboard.current?.clearInput()}
        />
      </div>
    </div>,
    document.body,
  );
}
