import type { Ref } from 'react';

/** A PIN field: digits, masked, never offered to password managers as a site password. */
export function PinInput({
  label,
  value,
  onChange,
  required,
  inputRef,
  autoComplete,
}: {
  label: string;
  value: string;
  onChange: (pin: string) => void;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  autoComplete: 'off' | 'new-password';
}) {
  return (
    <label>
      {label}
      <input
        ref={inputRef}
        type="password"
        inputMode="numeric"
        pattern="\d{4,8}"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
      />
    </label>
  );
}
