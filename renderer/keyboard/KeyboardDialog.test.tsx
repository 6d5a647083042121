// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import { KeyboardDialog, type KeyboardDialogProps } from './KeyboardDialog';

const SHIFT = 'Maj : majuscules et caractères spéciaux';
const ALT = 'Alt : caractères internationaux';
const BACKSPACE = 'Effacer le caractère avant le curseur';

function renderDialog(overrides: Partial<KeyboardDialogProps> = {}) {
  const props: KeyboardDialogProps = {
    label: 'Destinataire e-mail 1',
    initialValue: '',
    maxLength: 20,
    onSubmit: vi.fn(async () => null),
    onCancel: vi.fn(),
    ...overrides,
  };
  render(
    <I18nextProvider i18n={i18n}>
      <KeyboardDialog {...props} />
    </I18nextProvider>,
  );
  return props;
}

/** Presses and releases an on-screen key the way a touch does: simple-keyboard acts on pointerdown. */
function tapKey(name: string) {
  const key = screen.getByRole('button', { name, exact: true } as { name: string });
  act(() => {
    fireEvent.pointerDown(key);
    fireEvent.pointerUp(key);
  });
}

/** Taps one of the dialog's own buttons (OK, Annuler, Afficher), which act on click. */
function tapButton(name: string) {
  act(() => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

function shownValue(): string {
  return screen.getByRole('textbox').textContent ?? '';
}

beforeEach(async () => {
  await i18n.changeLanguage('fr');
  document.body.innerHTML = '<div id="root"></div>';
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('KeyboardDialog', () => {
  it('names the dialog and every key', () => {
    renderDialog();
    expect(screen.getByRole('dialog', { name: 'Destinataire e-mail 1' })).toBeTruthy();
    for (const name of ['a', 'z', '1', '.', SHIFT, ALT, BACKSPACE, 'Espace', 'OK', 'Annuler']) {
      expect(screen.getAllByRole('button', { name }).length, name).toBeGreaterThan(0);
    }
  });

  it('makes the app underneath inert while open', () => {
    renderDialog();
    expect(document.getElementById('root')!.inert).toBe(true);
    cleanup();
    expect(document.getElementById('root')!.inert).toBe(false);
  });

  it('inserts one character per tap', () => {
    renderDialog();
    tapKey('a');
    tapKey('z');
    expect(shownValue()).toBe('az');
  });

  it('Shift shows @ and returns to the letters', () => {
    renderDialog();
    expect(screen.queryByRole('button', { name: '@' })).toBeNull();
    tapKey(SHIFT);
    tapKey('@');
    tapKey(SHIFT);
    tapKey('a');
    expect(shownValue()).toBe('@a');
  });

  it('Alt cycles to the French accents', () => {
    renderDialog();
    tapKey(ALT);
    expect(screen.getByText('Accents français')).toBeTruthy();
    tapKey('é');
    expect(shownValue()).toBe('é');
  });

  it('rejects keys beyond the maximum length', () => {
    renderDialog({ initialValue: 'abcde', maxLength: 6 });
    tapKey('f');
    tapKey('g');
    expect(shownValue()).toBe('abcdef');
    expect(screen.getByRole('status').textContent).toBe('Longueur maximale atteinte : 6 caractères.');
  });

  it('keeps the dialog open while invalid', async () => {
    const props = renderDialog({ validate: (value) => (value.includes('@') ? null : 'Il manque le « @ ».') });
    tapKey('a');
    await act(async () => tapButton('OK'));
    expect(screen.getByRole('alert').textContent).toBe('Il manque le « @ ».');
    expect(props.onSubmit).not.toHaveBeenCalled();

    // Editing clears the message.
    tapKey('b');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('submits the value on OK', async () => {
    const props = renderDialog({ initialValue: 'name' });
    await act(async () => tapButton('OK'));
    expect(props.onSubmit).toHaveBeenCalledWith('name');
  });

  it('shows a failed save and stays open', async () => {
    renderDialog({ onSubmit: async () => "Échec de l'enregistrement : disque plein" });
    await act(async () => tapButton('OK'));
    expect(screen.getByRole('alert').textContent).toBe("Échec de l'enregistrement : disque plein");
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('physical keys edit, Enter submits', async () => {
    const props = renderDialog({ initialValue: 'ac' });
    fireEvent.keyDown(document, { key: 'ArrowLeft' });
    fireEvent.keyDown(document, { key: 'b' });
    expect(shownValue()).toBe('abc');
    await act(async () => {
      fireEvent.keyDown(document, { key: 'Enter' });
    });
    expect(props.onSubmit).toHaveBeenCalledWith('abc');
  });

  it('Escape cancels', () => {
    const props = renderDialog();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(props.onCancel).toHaveBeenCalledTimes(1);
  });

  it('masks a password until shown', () => {
    renderDialog({ initialValue: 'Ab1', password: true });
    expect(shownValue()).toBe('●●●');
    tapButton('Afficher');
    expect(shownValue()).toBe('Ab1');
    tapButton('Masquer');
    expect(shownValue()).toBe('●●●');
  });

  it('held backspace repeats until released', () => {
    vi.useFakeTimers();
    renderDialog({ initialValue: 'abcdefghij' });
    const key = screen.getByRole('button', { name: BACKSPACE });
    act(() => {
      fireEvent.pointerDown(key);
    });
    expect(shownValue()).toBe('abcdefghi');

    // Nothing more within the 500 ms delay, then one deletion every 100 ms.
    act(() => vi.advanceTimersByTime(499));
    expect(shownValue()).toBe('abcdefghi');
    act(() => vi.advanceTimersByTime(101));
    expect(shownValue()).toBe('abcdefg');

    act(() => {
      fireEvent.pointerUp(key);
    });
    act(() => vi.advanceTimersByTime(1_000));
    expect(shownValue()).toBe('abcdefg');
  });
});
