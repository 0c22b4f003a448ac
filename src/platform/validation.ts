import type { z } from 'zod';
import type { Locale, Translations } from './i18n.ts';

export type FieldError = { field: string; code: string; message: string };

type MessageTemplate = Translations<string>;

/**
 * Schemas name their own errors with a stable code (`error: 'postcode_malformed'`); the texts for those
 * codes are registered here by the capability that owns them, so the API, the forms and the import reports
 * all show the same sentence.
 */
const registeredMessages = new Map<string, MessageTemplate>();

export function registerFieldMessages(messages: Record<string, MessageTemplate>): void {
  for (const [code, text] of Object.entries(messages)) registeredMessages.set(code, text);
}

const genericMessages: Record<string, MessageTemplate> = {
  required: { nl: 'Vul dit veld in.', en: 'Fill in this field.' },
  invalid_type: { nl: 'Dit heeft niet de goede vorm.', en: 'This does not have the right form.' },
  too_small: {
    nl: 'Dit is te klein of te kort (minimaal {minimum}).',
    en: 'This is too small or too short (at least {minimum}).',
  },
  too_big: {
    nl: 'Dit is te groot of te lang (maximaal {maximum}).',
    en: 'This is too large or too long (at most {maximum}).',
  },
  invalid_value: { nl: 'Kies een van deze waarden: {values}.', en: 'Choose one of these values: {values}.' },
  invalid_format: { nl: 'Dit heeft niet de goede vorm.', en: 'This does not have the right form.' },
  unrecognized_keys: { nl: 'Dit veld is onbekend: {keys}.', en: 'This field is not known: {keys}.' },
  invalid_union: { nl: 'Dit heeft niet de goede vorm.', en: 'This does not have the right form.' },
  custom: { nl: 'Dit klopt niet.', en: 'This is not right.' },
};

function fill(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (Array.isArray(value)) return value.map(String).join(', ');
    return value === undefined ? '' : String(value);
  });
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** Turns zod issues into field errors in the user's language. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], locale: Locale): FieldError[] {
  return issues.map((issue) => {
    const registered = registeredMessages.get(issue.message);
    if (registered) return { field: fieldPath(issue.path), code: issue.message, message: registered[locale] };
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const code = missing ? 'required' : issue.code;
    const template = genericMessages[code] ?? genericMessages.custom!;
    const params = issue as unknown as Record<string, unknown>;
    return { field: fieldPath(issue.path), code, message: fill(template[locale], params) };
  });
}
