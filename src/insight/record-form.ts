import { z } from 'zod';
import { MUNICIPALITY_CODE } from '../municipalities/index.ts';
import { registerFieldMessages } from '../platform/validation.ts';
import { lifeDomains } from './domains.ts';

registerFieldMessages({
  insight_kind: { nl: 'Kies: portret of signaal.', en: 'Choose: portrait or signal.' },
  insight_municipality: { nl: 'Kies de gemeente.', en: 'Choose the municipality.' },
  insight_date: {
    nl: 'Vul de datum in als jjjj-mm-dd, niet in de toekomst.',
    en: 'Enter the date as yyyy-mm-dd, not in the future.',
  },
  insight_age: { nl: 'Kies de leeftijdsgroep.', en: 'Choose the age group.' },
  insight_story: {
    nl: 'Beschrijf de situatie in 20 tot 5000 tekens.',
    en: 'Describe the situation in 20 to 5000 characters.',
  },
  insight_domains: {
    nl: 'Kies bij minstens één leefgebied hoe zwaar het weegt.',
    en: 'Choose for at least one life domain how heavily it weighs.',
  },
  insight_support: { nl: 'Gebruik hoogstens 2000 tekens.', en: 'Use at most 2000 characters.' },
  insight_quote_consent: {
    nl: 'Een citaat mag alleen met toestemming. Vink de toestemming aan of haal het citaat weg.',
    en: 'A quote is only allowed with consent. Tick the consent or remove the quote.',
  },
  insight_name: {
    nl: 'Schrijf geen namen op. Gebruik bijvoorbeeld "het kind", "moeder" of "de juf".',
    en: 'Do not write names. Use for example "the child", "mother" or "the teacher".',
  },
});

export const ageGroups = ['0-3', '4-11', '12-17', '18-21'] as const;

// Obvious ways a name gets in: "heet Sanne", "genaamd Mo", "mijn naam is …", or "J. de Vries".
const NAME_PATTERNS = [
  /\b(?:heet|heten|genaamd|naam is|named|called|my name is)\s+\p{Lu}\p{Ll}+/u,
  /\b\p{Lu}\.\s?(?:(?:de|van|der|den)\s)*\p{Lu}\p{Ll}{2,}/u,
];
export function looksLikeAName(text: string): boolean {
  return NAME_PATTERNS.some((pattern) => pattern.test(text));
}

const noName = (schema: z.ZodString) => schema.refine((v) => !looksLikeAName(v), { error: 'insight_name' });
const optionalText = noName(z.string().trim().max(2000, { error: 'insight_support' }));

/** A portrait or signal as the form sends it; the severity per domain arrives as `severity.<domain>`. */
export const recordSchema = (today: string, municipalities: Set<string>) =>
  z
    .object({
      kind: z.enum(['portrait', 'signal'], { error: 'insight_kind' }),
      municipality: z
        .string()
        .regex(MUNICIPALITY_CODE, { error: 'insight_municipality' })
        .refine((code) => municipalities.has(code), { error: 'insight_municipality' }),
      observedOn: z.iso
        .date({ error: 'insight_date' })
        .refine((d) => d <= today && d >= '2000-01-01', { error: 'insight_date' }),
      ageGroup: z.enum(ageGroups, { error: 'insight_age' }),
      story: noName(
        z.string().trim().min(20, { error: 'insight_story' }).max(5000, { error: 'insight_story' }),
      ),
      severity: z
        .record(z.string(), z.string())
        .transform((given) =>
          lifeDomains
            .filter((domain) => ['1', '2', '3'].includes(given[domain] ?? ''))
            .map((domain) => ({ domain, severity: Number(given[domain]) })),
        )
        .refine((list) => list.length > 0, { error: 'insight_domains' }),
      supportConnected: optionalText,
      supportMissing: optionalText,
      quote: noName(z.string().trim().max(1000, { error: 'insight_support' })),
      quoteConsent: z.boolean(),
    })
    .refine((r) => r.quote === '' || r.quoteConsent, {
      error: 'insight_quote_consent',
      path: ['quoteConsent'],
    });

export type RecordInput = z.infer<ReturnType<typeof recordSchema>>;

/** The form's flat fields (severity.school=2, quoteConsent=yes) in the schema's shape. */
export function recordFromForm(fields: Record<string, string>) {
  const severity: Record<string, string> = {};
  for (const domain of lifeDomains) severity[domain] = fields[`severity.${domain}`] ?? '';
  return {
    kind: fields.kind ?? '',
    municipality: (fields.municipality ?? '').trim().toUpperCase(),
    observedOn: fields.observedOn ?? '',
    ageGroup: fields.ageGroup ?? '',
    story: fields.story ?? '',
    severity,
    supportConnected: fields.supportConnected ?? '',
    supportMissing: fields.supportMissing ?? '',
    quote: fields.quote ?? '',
    quoteConsent: fields.quoteConsent === 'yes',
  };
}
