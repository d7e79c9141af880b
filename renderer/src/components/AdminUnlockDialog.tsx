import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import { useAdmin } from '../admin-store.js';
import { useLockout } from '../use-countdown.js';
import { LockoutCountdown } from './LockoutCountdown.js';

/**
 * Unlock admin, or, on a machine with no admin password yet, set one. A modal <dialog>: the
 * browser traps focus in it, Escape closes it, and focus returns to the button that opened it.
 */
export function AdminUnlockDialog() {
  const { t } = useTranslation();
  const { status, dialogOpen, unlocked, unlock, setPassword, closeDialog } = useAdmin();
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPasswordText] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const lockout = useLockout();
  const locked = lockout.seconds > 0;
  // Setting the first password, or changing it while unlocked.
  const setting = status?.passwordSet === false || unlocked !== null;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (dialogOpen && !element.open) {
      setPasswordText('');
      setAgain('');
      setError(undefined);
      element.showModal();
    } else if (!dialogOpen && element.open) element.close();
  }, [dialogOpen]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (locked) return;
    lockout.trying();
    if (setting && password !== again) return setError(t('admin.dialog.differ'));
    setBusy(true);
    (setting ? setPassword(password) : unlock(password))
      .catch((e: unknown) => setError(lockout.failed(e)))
      .finally(() => setBusy(false));
  };

  const title = setting
    ? status?.passwordSet
      ? t('admin.changePassword')
      : t('admin.setPassword')
    : t('admin.unlock');
  return (
    <dialog ref={dialog} className="admin-dialog" aria-labelledby="admin-dialog-title" onClose={closeDialog}>
      <form onSubmit={submit} className="key-form">
        <h2 id="admin-dialog-title">{title}</h2>
        <p className="status">{setting ? t('admin.dialog.settingHelp') : t('admin.dialog.unlockHelp')}</p>
        <label>
          {setting ? t('admin.dialog.newPassword') : t('admin.dialog.password')}
          <input
            type="password"
            value={password}
            onChange={(e) => setPasswordText(e.target.value)}
            autoComplete={setting ? 'new-password' : 'current-password'}
            minLength={setting ? 8 : 1}
            required
            autoFocus
          />
        </label>
        {setting && (
          <label>
            {t('admin.dialog.again')}
            <input
              type="password"
              value={again}
              onChange={(e) => setAgain(e.target.value)}
              autoComplete="new-password"
              required
            />
          </label>
        )}
        {error && !lockout.ended && (
          <p role="alert" className="status-error">
            {error}
          </p>
        )}
        <LockoutCountdown seconds={lockout.seconds} ended={lockout.ended} />
        <div className="dialog-actions">
          <button type="submit" disabled={busy || locked}>
            {setting ? t('admin.dialog.setAndUnlock') : t('admin.dialog.unlock')}
          </button>
          <button type="button" onClick={closeDialog}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
