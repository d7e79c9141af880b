import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { appLanguages } from '../../../common/contract/learners.js';
import type { Preferences, PreferencesUpdate } from '../../../common/contract/learners.js';
import { LANGUAGES } from '../i18n/i18n.js';
import { learn } from '../learn.js';
import { useLearner } from '../learner-store.js';
import { AdminGate } from './AdminGate.js';
import { DesiredRetentionForm } from './DesiredRetentionForm.js';
import { Notice } from './Notice.js';
import type { Message } from './Notice.js';
import { TargetBandForm } from './TargetBandForm.js';
import { NotificationSettings } from '../notifications/NotificationSettings.js';

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** A labelled select over a preference's values, each with its words. */
function Choice<V extends string>(props: {
  label: string;
  value: V;
  options: Record<V, string>;
  onChange: (value: V) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
        {(Object.entries(props.options) as [V, string][]).map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The open learner's preferences, their export, and removing the profile (export first, name typed back). */
export function ProfileSettings() {
  const { t } = useTranslation();
  const { current, setLearner, leave } = useLearner();
  const [message, setMessage] = useState<Message>();
  const [confirmName, setConfirmName] = useState('');
  if (!current) return null;
  const { session, learner } = current;
  const fail = (e: unknown) => setMessage({ kind: 'error', text: (e as Error).message });

  const update = (preferences: PreferencesUpdate) =>
    learn()
      .updatePreferences({ session, preferences })
      .then((saved) => setLearner({ ...learner, preferences: saved }), fail);

  const exportNow = () =>
    learn()
      .exportLearner({ session })
      .then(({ file, events }) => setMessage({ kind: 'ok', text: `Saved ${events} events to ${file}` }), fail);

  const remove = (admin: string) => (event: FormEvent) => {
    event.preventDefault();
    learn()
      .removeLearner({ session: admin, learnerId: learner.id, confirmName })
      .then(({ exportFile }) => {
        window.alert(`The profile is removed. Its record is kept in ${exportFile}`);
        void leave();
      }, fail);
  };

  const { preferences } = learner;
  return (
    <section className="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Your profile: {learner.displayName}</h2>
      <div className="preference-row">
        <Choice
          label="Theme"
          value={preferences.theme}
          options={{ system: 'Like the system', light: 'Light', dark: 'Dark' }}
          onChange={(theme) => void update({ theme })}
        />
        <label>
          {t('settings.language')}{' '}
          <select
            value={preferences.language}
            onChange={(e) => void update({ language: e.target.value as Preferences['language'] })}
          >
            <option value="system">{t('settings.languageSystem')}</option>
            {appLanguages.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGES[code]}
              </option>
            ))}
          </select>
        </label>
        <Choice
          label="Contrast"
          value={preferences.contrast}
          options={{ system: 'Like the system', normal: 'Normal', high: 'High' }}
          onChange={(contrast) => void update({ contrast })}
        />
        <label>
          Text size{' '}
          <input
            type="range"
            min={12}
            max={28}
            value={preferences.fontSize}
            aria-valuetext={`${preferences.fontSize} pixels`}
            onChange={(e) => void update({ fontSize: Number(e.target.value) })}
          />{' '}
          {preferences.fontSize}px
        </label>
        <label>
          Daily goal{' '}
          <select
            value={preferences.dailyGoalMinutes}
            onChange={(e) => void update({ dailyGoalMinutes: Number(e.target.value) })}
          >
            {[10, 20, 30, 45, 60, 90].map((m) => (
              <option key={m} value={m}>
                {m} minutes
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="preference-row">
        <legend>Code editor</legend>
        <label>
          Tab size{' '}
          <select
            value={preferences.editor.tabSize}
            onChange={(e) => void update({ editor: { tabSize: Number(e.target.value) === 2 ? 2 : 4 } })}
          >
            <option value={4}>4 spaces</option>
            <option value={2}>2 spaces</option>
          </select>
        </label>
        <Toggle
          label="Line numbers"
          checked={preferences.editor.lineNumbers}
          onChange={(lineNumbers) => void update({ editor: { lineNumbers } })}
        />
        <Toggle
          label="Wrap long lines"
          checked={preferences.editor.wordWrap}
          onChange={(wordWrap) => void update({ editor: { wordWrap } })}
        />
      </fieldset>
      <NotificationSettings settings={preferences.notifications} update={(change) => void update(change)} />
      <TargetBandForm band={preferences.targetSuccess} onSave={(targetSuccess) => void update({ targetSuccess })} />
      <DesiredRetentionForm
        retention={preferences.desiredRetention}
        onSave={(desiredRetention) => void update({ desiredRetention })}
      />
      <h3>Take your progress with you</h3>
      <p className="status">
        An export is one file with your profile and every step of your progress; <code>lionlearn learner import</code>{' '}
        adds it on another machine.
      </p>
      <button type="button" onClick={() => void exportNow()}>
        Export my progress
      </button>
      <section className="danger-zone" aria-labelledby="remove-heading">
        <h3 id="remove-heading">Remove this profile</h3>
        <AdminGate what="remove a profile">
          {(admin) => (
            <form onSubmit={remove(admin)}>
              <p className="status">Your progress is exported first, then removed from this machine.</p>
              <label>
                Type “{learner.displayName}” to confirm
                <input value={confirmName} onChange={(e) => setConfirmName(e.target.value)} autoComplete="off" />
              </label>
              <button type="submit" className="danger" disabled={confirmName.trim() !== learner.displayName}>
                Export and remove
              </button>
            </form>
          )}
        </AdminGate>
      </section>
      <Notice message={message} />
    </section>
  );
}
