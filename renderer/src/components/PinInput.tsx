import { useId } from 'react';
import type { Ref } from 'react';

/**
 * What is wrong with a PIN as typed, in our words (the browser's own pattern message says only
 * "match the requested format"); undefined when it is fine. An empty optional PIN is fine.
 */
export function pinProblem(pin: string, required: boolean): string | undefined {
  if (pin === '') return required ? 'Enter the PIN: 4 to 8 digits.' : undefined;
  if (!/^\d+$/.test(pin)) return 'A PIN is digits only (0 to 9), 4 to 8 of them.';
  if (pin.length < 4) return `A PIN is at least 4 digits; this one has ${pin.length}.`;
  if (pin.length > 8) return `A PIN is at most 8 digits; this one has ${pin.length}.`;
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
