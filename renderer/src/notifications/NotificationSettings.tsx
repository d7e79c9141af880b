import type { Preferences, PreferencesUpdate } from '../../../common/contract/learners.js';

type Settings = Preferences['notifications'];

const SWITCHES: [keyof Settings, string][] = [
  ['reviewsDue', 'Reviews due'],
  ['classMessages', 'Messages from my class'],
  ['assignments', 'Assignments'],
  ['achievements', 'Achievements (streaks, daily goal)'],
  ['appUpdates', 'Course updates and the code sandbox'],
];

function ClockField(props: { label: string; value: string; disabled: boolean; set: (value: string) => void }) {
  return (
    <label>
      {props.label}{' '}
      <input
        type="time"
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => e.target.value && props.set(e.target.value)}
      />
    </label>
  );
}

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
  const set = (notifications: NonNullable<PreferencesUpdate['notifications']>) => update({ notifications });
  return (
    <fieldset className="preference-row notification-settings">
      <legend>Tell me about</legend>
      {SWITCHES.map(([key, label]) => (
        <label key={key}>
          <input
            type="checkbox"
            checked={settings[key] as boolean}
            onChange={(e) => set({ [key]: e.target.checked })}
          />{' '}
          {label}
        </label>
      ))}
      <label>
        <input type="checkbox" checked={settings.desktop} onChange={(e) => set({ desktop: e.target.checked })} /> Show
        them as desktop notifications
      </label>
      <label>
        <input type="checkbox" checked={settings.quietHours} onChange={(e) => set({ quietHours: e.target.checked })} />{' '}
        Quiet hours
      </label>
      <ClockField
        label="from"
        value={settings.quietFrom}
        disabled={!settings.quietHours}
        set={(quietFrom) => set({ quietFrom })}
      />
      <ClockField
        label="to"
        value={settings.quietTo}
        disabled={!settings.quietHours}
        set={(quietTo) => set({ quietTo })}
      />
      <label>
        At most{' '}
        <input
          type="number"
          min={0}
          max={50}
          value={settings.dailyCap}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 0 && n <= 50) set({ dailyCap: n });
          }}
        />{' '}
        desktop notifications a day
      </label>
      <label>
        Email digest{' '}
        <select
          value={settings.emailDigest}
          onChange={(e) => set({ emailDigest: e.target.value as Settings['emailDigest'] })}
        >
          <option value="off">Off</option>
          <option value="daily">Daily</option>
          <option value="weekly">Weekly</option>
        </select>
      </label>
    </fieldset>
  );
}
