import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  if (!current) return null;
  const { session, learner } = current;
  const fail = (e: unknown) => setMessage({ kind: 'error', text: (e as Error).message });

  // One save at a time, in the order they were made: two in flight could be stored, and answered, in
  // either order, the older one last (an hour, then a minute, came back as the hour's ":00").
  const update = (preferences: PreferencesUpdate) => {
    const save = saving.current.then(() => learn().updatePreferences({ session, preferences }));
    saving.current = save.catch(() => undefined);
    return save.then((saved) => setLearner({ ...learner, preferences: saved }), fail);
  };

  const exportNow = () =>
    learn()
      .exportLearner({ session })
      .then(({ file, events }) => setMessage({ kind: 'ok', text: t('profile.exported', { events, file }) }), fail);

  const remove = (admin: string) => (event: FormEvent) => {
    event.preventDefault();
    learn()
      .removeLearner({ session: admin, learnerId: learner.id, confirmName })
      .then(({ exportFile }) => {
        window.alert(t('profile.removed', { file: exportFile }));
        void leave();
      }, fail);
  };

  const { preferences } = learner;
  return (
    <section className="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('profile.heading', { name: learner.displayName })}</h2>
      <div className="preference-row">
        <Choice
          label={t('profile.theme')}
          value={preferences.theme}
          options={t('profile.themes', { returnObjects: true })}
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
          label={t('profile.contrast')}
          value={preferences.contrast}
          options={t('profile.contrasts', { returnObjects: true })}
          onChange={(contrast) => void update({ contrast })}
        />
        <label>
          {t('profile.textSize')}{' '}
          <input
            type="range"
            min={12}
            max={28}
            value={preferences.fontSize}
            aria-valuetext={t('profile.pixels', { count: preferences.fontSize })}
            onChange={(e) => void update({ fontSize: Number(e.target.value) })}
          />{' '}
          {t('profile.pixelsShort', { count: preferences.fontSize })}
        </label>
        <label>
          {t('profile.dailyGoal')}{' '}
          <select
            value={preferences.dailyGoalMinutes}
            onChange={(e) => void update({ dailyGoalMinutes: Number(e.target.value) })}
          >
            {[10, 20, 30, 45, 60, 90].map((m) => (
              <option key={m} value={m}>
                {t('profile.minutes', { count: m })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="preference-row">
        <legend>{t('profile.editor')}</legend>
        <label>
          {t('profile.tabSize')}{' '}
          <select
            value={preferences.editor.tabSize}
            onChange={(e) => void update({ editor: { tabSize: Number(e.target.value) === 2 ? 2 : 4 } })}
          >
            <option value={4}>{t('profile.spaces', { count: 4 })}</option>
            <option value={2}>{t('profile.spaces', { count: 2 })}</option>
          </select>
        </label>
        <Toggle
          label={t('profile.lineNumbers')}
          checked={preferences.editor.lineNumbers}
          onChange={(lineNumbers) => void update({ editor: { lineNumbers } })}
        />
        <Toggle
          label={t('profile.wordWrap')}
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
      <h3>{t('profile.exportHeading')}</h3>
      <p className="status">
        <Trans i18nKey="profile.exportHelp" components={{ code: <code /> }} />
      </p>
      <button type="button" onClick={() => void exportNow()}>
        {t('profile.export')}
      </button>
      <section className="danger-zone" aria-labelledby="remove-heading">
        <h3 id="remove-heading">{t('profile.removeHeading')}</h3>
        <AdminGate says="removeProfile">
          {(admin) => (
            <form onSubmit={remove(admin)}>
              <p className="status">{t('profile.removeHelp')}</p>
              <label>
                {t('profile.typeToConfirm', { name: learner.displayName })}
                <input value={confirmName} onChange={(e) => setConfirmName(e.target.value)} autoComplete="off" />
              </label>
              <button type="submit" className="danger" disabled={confirmName.trim() !== learner.displayName}>
                {t('profile.exportAndRemove')}
              </button>
            </form>
          )}
        </AdminGate>
      </section>
      <Notice message={message} />
    </section>
  );
}
