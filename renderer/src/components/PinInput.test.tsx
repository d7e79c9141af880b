import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { secondsLeft, withoutWait } from '../use-countdown.js';
import { LockoutCountdown } from './LockoutCountdown.js';
import { PinInput, pinProblem } from './PinInput.js';
import { i18next } from '../i18n/i18n.js';

describe('the PIN field', () => {
  it.each([
    ['', true, /Enter the PIN: 4 to 8 digits/],
    ['1', true, /at least 4 digits; this one has 1/],
    ['123', false, /at least 4 digits; this one has 3/],
    ['123456789', true, /at most 8 digits; this one has 9/],
    ['12a4', true, /digits only/],
    ['12 34', true, /digits only/],
    ['١٢٣٤', true, /digits only/],
  ])('says in our words what is wrong with %j', (pin, required, words) => {
    expect(pinProblem(pin, required)).toMatch(words);
  });

  it.each([
    ['1234', true],
    ['12345678', true],
    ['', false],
  ])('accepts %j', (pin, required) => {
    expect(pinProblem(pin, required)).toBeUndefined();
  });

  it('ties its error to the field for screen readers and leaves the browser no generic message to show', () => {
    const html = renderToStaticMarkup(
      <PinInput label="PIN" value="12" onChange={() => {}} autoComplete="off" error="A PIN is at least 4 digits." />,
    );
    const described = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(described).toBeTruthy();
    expect(html).toContain(`id="${described}"`);
    expect(html).toMatch(new RegExp(`id="${described}"[^>]*>A PIN is at least 4 digits\\.<`));
    expect(html).toContain('aria-invalid="true"');
    expect(html).not.toMatch(/\b(pattern|required)=/);
    const fine = renderToStaticMarkup(<PinInput label="PIN" value="1234" onChange={() => {}} autoComplete="off" />);
    expect(fine).not.toMatch(/aria-describedby|aria-invalid/);
  });
});

describe('the lockout countdown', () => {
  it('counts whole seconds down to 0 and never below', () => {
    expect(secondsLeft(10_000, 7_000)).toBe(3);
    expect(secondsLeft(10_000, 7_001)).toBe(3);
    expect(secondsLeft(10_000, 9_999)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 20_000)).toBe(0);
  });

  it('drops the core\'s fixed "try again in N s" that the live countdown replaces', () => {
    expect(withoutWait('Too many wrong PINs for Ada: try again in 5 s.')).toBe('Too many wrong PINs for Ada.');
    expect(withoutWait('That PIN is not right, and that was too many: try again in 10 s.')).toBe(
      'That PIN is not right, and that was too many.',
    );
    expect(withoutWait('That PIN is not right.')).toBe('That PIN is not right.');
  });

  it('shows the seconds left as a timer, then says the learner can try again', () => {
    expect(renderToStaticMarkup(<LockoutCountdown seconds={3} ended={false} />)).toMatch(
      /role="timer"[^>]*>Try again in 3 seconds\.</,
    );
    expect(renderToStaticMarkup(<LockoutCountdown seconds={1} ended={false} />)).toContain('Try again in 1 second.');
    expect(renderToStaticMarkup(<LockoutCountdown seconds={0} ended />)).toMatch(/role="status".*try again now/);
    expect(renderToStaticMarkup(<LockoutCountdown seconds={0} ended={false} />)).toBe('');
  });

  it('says the PIN’s problem and the wait in the learner’s language, a second in the singular', async () => {
    await i18next.changeLanguage('de');
    try {
      expect(pinProblem('12', true)).toBe('Eine PIN hat mindestens 4 Ziffern; diese hat 2.');
      expect(renderToStaticMarkup(<LockoutCountdown seconds={1} ended={false} />)).toContain(
        'Versuch es in 1 Sekunde erneut.',
      );
      expect(renderToStaticMarkup(<LockoutCountdown seconds={3} ended={false} />)).toContain(
        'Versuch es in 3 Sekunden erneut.',
      );
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
