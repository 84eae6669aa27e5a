// The calendar day a time falls on where the user is. Plain function, no imports: the history's
// per-day figures, the savings chart in the renderer (which bundles this file) and export file
// names must all name a day the same way.

/** A local calendar day as YYYY-MM-DD, as SQLite's date(…, 'localtime') writes it. */
export function localDayKey(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
