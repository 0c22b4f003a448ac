import { z } from 'zod';
import { lifeDomains } from '../insight/index.ts';
import { registerFieldMessages } from '../platform/validation.ts';

registerFieldMessages({
  practice_title: {
    nl: 'Geef het voorbeeld een titel van 5 tot 150 tekens.',
    en: 'Give the example a title of 5 to 150 characters.',
  },
  practice_summary: {
    nl: 'Vat het voorbeeld samen in 20 tot 500 tekens.',
    en: 'Summarise the example in 20 to 500 characters.',
  },
  practice_text: {
    nl: 'Beschrijf dit in 20 tot 5000 tekens.',
    en: 'Describe this in 20 to 5000 characters.',
  },
  practice_short: { nl: 'Vul dit in, in 3 tot 1000 tekens.', en: 'Fill this in, in 3 to 1000 characters.' },
  practice_ambitions: { nl: 'Kies minstens één ambitie.', en: 'Choose at least one ambition.' },
  practice_domains: { nl: 'Kies minstens één leefgebied.', en: 'Choose at least one life domain.' },
  practice_evidence: { nl: 'Kies hoe je de resultaten weet.', en: 'Choose how you know the results.' },
  practice_documents: {
    nl: 'Zet elk document op een eigen regel als "titel | https://…", hoogstens 10.',
    en: 'Put each document on a line of its own as "title | https://…", at most 10.',
  },
  practice_contact: {
    nl: 'Vul een algemeen e-mailadres of telefoonnummer van het team in (geen persoonlijke gegevens van cliënten).',
    en: 'Enter a general e-mail address or phone number of the team (no personal data of clients).',
  },
});

const text = (min: number, max: number, error: string) =>
  z.string().trim().min(min, { error }).max(max, { error });

/** "Titel | https://…" per line; a link only, so nothing personal is uploaded with an example. */
export function parseDocuments(value: string): { title: string; url: string }[] | null {
  const lines = value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > 10) return null;
  const documents = [];
  for (const line of lines) {
    const [title, url, ...rest] = line.split('|').map((part) => part.trim());
    if (!title || !url || rest.length > 0 || !/^https:\/\/[^\s]+$/.test(url) || title.length > 200)
      return null;
    documents.push({ title, url });
  }
  return documents;
}

/** One schema for the submit form and its re-submission after a return. */
export const practiceSchema = z.object({
  title: text(5, 150, 'practice_title'),
  summary: text(20, 500, 'practice_summary'),
  problem: text(20, 5000, 'practice_text'),
  approach: text(20, 5000, 'practice_text'),
  ambitions: z
    .array(z.enum(['1', '2', '3', '4']))
    .min(1, { error: 'practice_ambitions' })
    .transform((a) => a.map(Number)),
  lifeDomains: z.array(z.enum(lifeDomains)).min(1, { error: 'practice_domains' }),
  targetGroup: text(3, 1000, 'practice_short'),
  results: text(20, 5000, 'practice_text'),
  evidence: z.enum(['measured', 'observed', 'none'], { error: 'practice_evidence' }),
  costs: text(3, 1000, 'practice_short'),
  contact: text(5, 200, 'practice_contact').refine((v) => /@|\d{6,}/.test(v.replace(/[\s-]/g, '')), {
    error: 'practice_contact',
  }),
  documents: z
    .string()
    .max(5000, { error: 'practice_documents' })
    .transform((value, context) => {
      const parsed = parseDocuments(value);
      if (!parsed) context.addIssue({ code: 'custom', message: 'practice_documents' });
      return parsed ?? [];
    }),
});

export type PracticeInput = z.infer<typeof practiceSchema>;
export const practiceTextFields = [
  'title',
  'summary',
  'problem',
  'approach',
  'targetGroup',
  'results',
  'costs',
  'contact',
  'documents',
  'evidence',
] as const;
