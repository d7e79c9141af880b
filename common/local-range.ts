const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant in an IANA time zone. */
export function localDate(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The `days` local days ending today in `timeZone`, both ends included, as getUserAnalytics takes them. */
export function rangeEndingToday(days: number, timeZone: string, now = new Date()): { from: string; to: string } {
  const to = localDate(now, timeZone);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}
