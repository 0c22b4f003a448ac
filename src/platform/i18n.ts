/** Dutch first; English for everyone who asks for it. Texts live with the capability that shows them. */
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

export type Translations<T> = Record<Locale, T>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Picks the page language: an explicit `?lang=` wins, then the remembered choice (cookie), then Dutch.
 * Accept-Language is not used for pages: most families' browsers say English while they read Dutch best.
 */
export function pageLocale(query: unknown, cookie: string | undefined): Locale {
  const asked = (query as { lang?: unknown } | undefined)?.lang;
  if (isLocale(asked)) return asked;
  if (isLocale(cookie)) return cookie;
  return defaultLocale;
}

/** API clients state their language with Accept-Language; Dutch unless English is preferred. */
export function apiLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: tag.split('-')[0] ?? '', weight: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => isLocale(entry.language) && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  const best = ranked[0]?.language;
  return isLocale(best) ? best : defaultLocale;
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

export function formatEuros(cents: number, locale: Locale): string {
  const euros = cents / 100;
  const formatted = numberFormats[locale].format(euros);
  // Whole amounts read easier without ",00" (B1): "€ 225" instead of "€ 225,00".
  return Number.isInteger(euros) ? formatted.replace(/[.,]00$/, '') : formatted;
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** Formats an ISO calendar date (YYYY-MM-DD); it is a date, not a moment, so no time zone shifts it. */
export function formatIsoDate(isoDate: string, locale: Locale): string {
  return dateFormats[locale].format(new Date(`${isoDate}T00:00:00Z`));
}

const momentFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }),
};

/** A moment as people in the Netherlands read it, "10 maart 2026 om 11:00", whatever the server's zone. */
export function formatMoment(at: Date, locale: Locale): string {
  return momentFormats[locale].format(at);
}
