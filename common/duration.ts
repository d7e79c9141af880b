/** "12 min", "1 h 5 min": minutes rounded, and "under 1 min" for a little work rather than a misleading "0 min". */
export function duration(ms: number): string {
  if (ms > 0 && ms < 30_000) return 'under 1 min';
  const m = Math.round(ms / 60_000);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
