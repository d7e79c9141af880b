/** A moment as the learner's wall clock reads it: the local day and the minutes since local midnight. */
export interface LocalClock {
  day: string;
  minutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The local day and time of `now` in `timeZone` (an IANA name; the machine's own zone when undefined), by
 * the time zone database, so daylight-saving days are right. Tests name a zone; the app uses the machine's.
 */
export function localClock(now: Date, timeZone?: string): LocalClock {
  const key = timeZone ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((part) => [part.type, part.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * Whether `minutes` after local midnight fall in the quiet hours [from, to). A `from` after `to` spans
 * midnight (22:00-07:00); equal ends mean no quiet hours at all, not a whole silent day.
 */
export function inQuietHours(minutes: number, from: string, to: string): boolean {
  const start = minutesOf(from);
  const end = minutesOf(to);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}
