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
