import { useId } from 'react';
import type { Ref } from 'react';
import { i18next } from '../i18n/i18n.js';

/**
 * What is wrong with a PIN as typed, in our words (the browser's own pattern message says only
 * "match the requested format"); undefined when it is fine. An empty optional PIN is fine. In the app's
 * language at the moment it is asked (on submit).
 */
export function pinProblem(pin: string, required: boolean): string | undefined {
  const { t } = i18next;
  if (pin === '') return required ? t('pin.enter') : undefined;
  if (!/^\d+$/.test(pin)) return t('pin.digitsOnly');
  if (pin.length < 4) return t('pin.tooShort', { count: pin.length });
  if (pin.length > 8) return t('pin.tooLong', { count: pin.length });
  return undefined;
}

/** A PIN field: digits, masked, never offered to password managers; its error is tied to it for screen readers. */
export function PinInput({
  label,
  value,
  onChange,
  error,
  inputRef,
  autoComplete,
}: {
  label: string;
  value: string;
  onChange: (pin: string) => void;
  /** Our own sentence for what is wrong, shown under the field and read with it (aria-describedby). */
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  autoComplete: 'off' | 'new-password';
}) {
  const errorId = useId();
  return (
    <div className="pin-field">
      <label>
        {label}
        <input
          ref={inputRef}
          type="password"
          inputMode="numeric"
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </label>
      {error && (
        <p id={errorId} className="field-error status-error">
          {error}
        </p>
      )}
    </div>
  );
}
