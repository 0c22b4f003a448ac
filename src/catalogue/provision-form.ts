import { parseEuroAmount } from '../platform/money-input.ts';
import type { Provision } from './provision.ts';

/** The editor's fields, named after the catalogue entry's paths so errors land next to the right field. */
export type ProvisionFormFields = Record<string, string>;

const trimmed = (fields: ProvisionFormFields, name: string) => (fields[name] ?? '').trim();
const wholeNumber = (value: string) => (/^\d{1,3}$/.test(value) ? Number(value) : value);

/**
 * Turns the form into a catalogue entry, the same shape a catalogue file has, so one schema and one
 * validation serve the file import and the editor. What cannot be read is passed on as typed, and the
 * schema then says what is wrong with it.
 */
export function entryFromForm(
  fields: ProvisionFormFields,
  key: string,
  owner: string,
): Record<string, unknown> {
  const amountText = trimmed(fields, 'amount.euros');
  const cents = amountText === '' ? null : parseEuroAmount(amountText);
  const codes = trimmed(fields, 'offeredIn.codes')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((code) => code.toUpperCase());
  return {
    key,
    name: { nl: trimmed(fields, 'name.nl'), en: trimmed(fields, 'name.en') },
    description: { nl: trimmed(fields, 'description.nl'), en: trimmed(fields, 'description.en') },
    category: trimmed(fields, 'category'),
    ages: { min: wholeNumber(trimmed(fields, 'ages.min')), max: wholeNumber(trimmed(fields, 'ages.max')) },
    offeredIn: fields['offeredIn.where'] === 'nationwide' ? 'nationwide' : codes,
    fundedBy: trimmed(fields, 'fundedBy'),
    handledBy: trimmed(fields, 'handledBy'),
    owner,
    applicationRoute: trimmed(fields, 'applicationRoute'),
    ...(trimmed(fields, 'scheme') ? { scheme: trimmed(fields, 'scheme') } : {}),
    ...(amountText === ''
      ? {}
      : {
          amount: {
            cents: cents ?? amountText,
            kind: trimmed(fields, 'amount.kind'),
            period: trimmed(fields, 'amount.period'),
          },
        }),
    ...(trimmed(fields, 'link') ? { link: trimmed(fields, 'link') } : {}),
    lastChecked: trimmed(fields, 'lastChecked'),
  };
}

/** The form filled in from a stored provision, for editing. */
export function formFromProvision(provision: Provision): ProvisionFormFields {
  return {
    'name.nl': provision.name.nl,
    'name.en': provision.name.en,
    'description.nl': provision.description.nl,
    'description.en': provision.description.en,
    category: provision.category,
    'ages.min': String(provision.ages.min),
    'ages.max': String(provision.ages.max),
    'offeredIn.where': provision.offeredIn === 'nationwide' ? 'nationwide' : 'municipalities',
    'offeredIn.codes':
      provision.offeredIn === 'nationwide' ? '' : provision.offeredIn.map((m) => m.code).join(', '),
    fundedBy: provision.fundedBy.key,
    handledBy: provision.handledBy.key,
    applicationRoute: provision.applicationRoute,
    scheme: provision.scheme ?? '',
    'amount.euros': provision.amount ? (provision.amount.cents / 100).toFixed(2).replace('.', ',') : '',
    'amount.kind': provision.amount?.kind ?? 'budget',
    'amount.period': provision.amount?.period ?? 'calendar_year',
    link: provision.link ?? '',
    lastChecked: provision.lastChecked,
  };
}
