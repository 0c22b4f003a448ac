export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in the Netherlands at this moment (YYYY-MM-DD), whatever the server's time zone. */
export function isoDateInAmsterdam(moment: Date): string {
  return amsterdamDate.format(moment);
}

/** Whether text is a real day as yyyy-mm-dd ("2024-02-30" is not; new Date would roll it over). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}
