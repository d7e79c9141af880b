import { useTranslation } from 'react-i18next';
import type { Preferences, PreferencesUpdate } from '../../../common/contract/learners.js';
import { TimeField } from '../components/TimeField.js';

type Settings = Preferences['notifications'];

const SWITCHES = ['reviewsDue', 'classMessages', 'assignments', 'achievements', 'appUpdates'] as const;

/**
 * What the learner is alerted about, and when: per kind, desktop or browser alerts at all, quiet hours
 * (local time; 22:00 to 07:00 spans midnight), the most alerts a day, and the email digest where the class
 * server sends email. The inbox keeps every item whatever is set here.
 */
export function NotificationSettings({
  settings,
  update,
}: {
  settings: Settings;
  update: (change: PreferencesUpdate) => void;
}) {
  const { t } = useTranslation();
  const set = (notifications: NonNullable<PreferencesUpdate['notifications']>) => update({ notifications });
  return (
    <fieldset className="preference-row notification-settings">
      <legend>{t('notifications.settings.legend')}</legend>
      {SWITCHES.map((key) => (
        <label key={key}>
          <input
            type="checkbox"
            checked={settings[key] as boolean}
            onChange={(e) => set({ [key]: e.target.checked })}
          />{' '}
          {t(`notifications.settings.${key}`)}
        </label>
      ))}
      <label>
        <input type="checkbox" checked={settings.desktop} onChange={(e) => set({ desktop: e.target.checked })} />{' '}
        {t('notifications.settings.desktop')}
      </label>
      <label>
        <input type="checkbox" checked={settings.quietHours} onChange={(e) => set({ quietHours: e.target.checked })} />{' '}
        {t('notifications.settings.quietHours')}
      </label>
      <TimeField
        label={t('notifications.settings.from')}
        value={settings.quietFrom}
        disabled={!settings.quietHours}
        set={(quietFrom) => set({ quietFrom })}
      />
      <TimeField
        label={t('notifications.settings.to')}
        value={settings.quietTo}
        disabled={!settings.quietHours}
        set={(quietTo) => set({ quietTo })}
      />
      <label>
        {t('notifications.settings.dailyCap')}{' '}
        <input
          type="number"
          min={0}
          max={50}
          value={settings.dailyCap}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 0 && n <= 50) set({ dailyCap: n });
          }}
        />
      </label>
      <label>
        {t('notifications.settings.emailDigest')}{' '}
        <select
          value={settings.emailDigest}
          onChange={(e) => set({ emailDigest: e.target.value as Settings['emailDigest'] })}
        >
          {(['off', 'daily', 'weekly'] as const).map((digest) => (
            <option key={digest} value={digest}>
              {t(`notifications.settings.digest.${digest}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
