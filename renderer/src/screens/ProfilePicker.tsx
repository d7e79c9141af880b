import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnerSummary } from '../../../common/contract/learners.js';
import { Avatar, avatarIds } from '../components/Avatar.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { failure, Notice } from '../components/Notice.js';
import { LockoutCountdown } from '../components/LockoutCountdown.js';
import { PinInput, pinProblem } from '../components/PinInput.js';
import { learn } from '../learn.js';
import { useLearner } from '../learner-store.js';
import { useLockout } from '../use-countdown.js';
import { useLoad } from '../use-load.js';

function PinForm({ learner, onCancel }: { learner: LearnerSummary; onCancel: () => void }) {
  const { t } = useTranslation();
  const enter = useLearner((s) => s.enter);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const [pinError, setPinError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const lockout = useLockout();
  const input = useRef<HTMLInputElement>(null);
  const locked = lockout.seconds > 0;
  // When a wait runs out, its alert gives way to "You can try again now" and the field takes focus.
  useEffect(() => {
    if (!locked) input.current?.focus();
  }, [locked]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (locked) return;
    lockout.trying();
    const problem = pinProblem(pin, true);
    setPinError(problem);
    if (problem) return input.current?.focus();
    setBusy(true);
    learn()
      .openLearnerSession({ learnerId: learner.id, pin })
      .then(enter, (e: unknown) => {
        setError(lockout.failed(e));
        setPin('');
        setBusy(false);
        input.current?.focus();
      });
  };
  return (
    <form
      className="panel pin-form"
      onSubmit={submit}
      aria-label={t('profiles.pinFor', { name: learner.displayName })}
      noValidate
    >
      <PinInput
        label={t('profiles.pinFor', { name: learner.displayName })}
        inputRef={input}
        autoComplete="off"
        value={pin}
        onChange={setPin}
        error={pinError}
      />
      <button type="submit" disabled={busy || locked}>
        {t('profiles.open')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('profiles.back')}
      </button>
      <Notice message={failure(lockout.ended ? undefined : error)} />
      <LockoutCountdown seconds={lockout.seconds} ended={lockout.ended} />
    </form>
  );
}

function NewProfile({ onCancel }: { onCancel?: () => void }) {
  const { t } = useTranslation();
  const enter = useLearner((s) => s.enter);
  const [name, setName] = useState('');
  const [avatar, setAvatar] = useState('owl');
  const [goal, setGoal] = useState('');
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string>();
  const [error, setError] = useState<string>();
  const pinField = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = pinProblem(pin, false);
    setPinError(problem);
    if (problem) return pinField.current?.focus();
    learn()
      .createLearner({
        profile: { displayName: name, avatar, goals: goal.trim() ? [goal.trim()] : [] },
        ...(pin ? { pin } : {}),
      })
      .then(enter, (e: unknown) => setError((e as Error).message));
  };
  return (
    <form className="panel new-profile" onSubmit={submit} aria-labelledby="new-profile-heading">
      <h2 id="new-profile-heading">{t('profiles.newProfile')}</h2>
      <label>
        {t('profiles.yourName')}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} required autoFocus />
      </label>
      <fieldset className="avatar-choice">
        <legend>{t('profiles.picture')}</legend>
        {avatarIds.map((id) => (
          <label key={id} className="avatar-option">
            <input type="radio" name="avatar" value={id} checked={avatar === id} onChange={() => setAvatar(id)} />
            <Avatar id={id} />
            <span className="visually-hidden">{t(`profiles.avatar.${id}`)}</span>
          </label>
        ))}
      </fieldset>
      <label>
        {t('profiles.goal')}
        <input value={goal} onChange={(e) => setGoal(e.target.value)} maxLength={120} />
      </label>
      <PinInput
        label={t('profiles.pinLabel')}
        autoComplete="new-password"
        inputRef={pinField}
        value={pin}
        onChange={setPin}
        error={pinError}
      />
      <button type="submit">{t('profiles.create')}</button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
      <Notice message={failure(error)} />
    </form>
  );
}

/** The first screen on a shared machine: whose turn is it? */
export function ProfilePicker() {
  const { t } = useTranslation();
  const enter = useLearner((s) => s.enter);
  const [reload, setReload] = useState(0);
  const learners = useLoad(`learners-${reload}`, () => learn().listLearners());
  const [asking, setAsking] = useState<LearnerSummary>();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string>();

  const typed = useRef({ text: '', at: 0 });
  /** Letters typed on the list move focus to the first profile whose name starts with them (as in a listbox). */
  const typeAhead = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey || event.key === ' ') return;
    const now = event.timeStamp;
    typed.current = {
      text: (now - typed.current.at < 1000 ? typed.current.text : '') + event.key.toLowerCase(),
      at: now,
    };
    const match = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-name]')].find((b) =>
      b.dataset.name!.startsWith(typed.current.text),
    );
    if (match) {
      event.preventDefault();
      match.focus();
    }
  };

  const pick = (learner: LearnerSummary) => {
    if (learner.hasPin) return setAsking(learner);
    learn()
      .openLearnerSession({ learnerId: learner.id })
      .then(enter, (e: unknown) => setError((e as Error).message));
  };

  return (
    <section className="profile-picker" aria-labelledby="picker-heading">
      <h1 id="picker-heading">{t('profiles.heading')}</h1>
      <LoadStatus state={learners} what={t('profiles.what')} onRetry={() => setReload((n) => n + 1)}>
        {(list) =>
          asking ? (
            <PinForm learner={asking} onCancel={() => setAsking(undefined)} />
          ) : list.length === 0 || creating ? (
            <>
              {list.length === 0 && <p className="empty">{t('profiles.none')}</p>}
              <NewProfile onCancel={list.length > 0 ? () => setCreating(false) : undefined} />
            </>
          ) : (
            <>
              <ul className="profile-list" aria-label={t('profiles.list')} onKeyDown={typeAhead}>
                {list.map((l, i) => (
                  <li key={l.id}>
                    {/* Focus starts on the profiles: on a lab machine the next learner types their name's first
                        letters, Enter, then their PIN. */}
                    <button
                      type="button"
                      className="profile-button"
                      onClick={() => pick(l)}
                      data-name={l.displayName.toLowerCase()}
                      autoFocus={i === 0}
                    >
                      <Avatar id={l.avatar} className="avatar" />
                      <span>{l.displayName}</span>
                      {l.hasPin && <span className="status">{t('profiles.hasPin')}</span>}
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => setCreating(true)}>
                {t('profiles.newProfile')}
              </button>
            </>
          )
        }
      </LoadStatus>
      <Notice message={failure(error)} />
    </section>
  );
}
