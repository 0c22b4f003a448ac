import type { Queryable } from '../platform/db.ts';
import type { Locale } from '../platform/i18n.ts';
import { defineProblem, platformProblems, ProblemError } from '../platform/problems.ts';
import { describeIssues, registerFieldMessages } from '../platform/validation.ts';
import { parsePostcode, rankPostcodeAreas, type PostcodeArea } from './postcode.ts';
import { findPostcodeAreas } from './store.ts';

export const postcodeMessages = {
  postcode_required: {
    nl: 'Vul je postcode in. Bijvoorbeeld: 9711 AB.',
    en: 'Enter your postcode. For example: 9711 AB.',
  },
  postcode_malformed: {
    nl: 'Deze postcode klopt niet. Een postcode heeft 4 cijfers en 2 letters, zoals 9711 AB.',
    en: 'This postcode is not valid. A postcode has 4 digits and 2 letters, like 9711 AB.',
  },
  postcode_unknown: {
    nl: 'We kennen deze postcode niet. Kijk of je hem goed hebt getypt.',
    en: 'We do not know this postcode. Check that you typed it correctly.',
  },
  municipality_unknown: {
    nl: 'Deze gemeente kennen we niet. Zoek opnieuw met je postcode.',
    en: 'We do not know this municipality. Search again with your postcode.',
  },
  municipality_code_malformed: {
    nl: 'Een gemeentecode is GM met 4 cijfers, zoals GM0344.',
    en: 'A municipality code is GM followed by 4 digits, like GM0344.',
  },
};
registerFieldMessages(postcodeMessages);

export const municipalityProblems = {
  postcodeMalformed: defineProblem({
    code: 'postcode-malformed',
    status: 400,
    title: { nl: 'Deze postcode klopt niet', en: 'This postcode is not valid' },
  }),
  postcodeUnknown: defineProblem({
    code: 'postcode-unknown',
    status: 400,
    title: { nl: 'Onbekende postcode', en: 'Unknown postcode' },
  }),
  municipalityNotFound: defineProblem({
    code: 'municipality-not-found',
    status: 404,
    title: { nl: 'Deze gemeente bestaat niet', en: 'This municipality does not exist' },
  }),
};

export type PostcodeLookup =
  | { kind: 'malformed' }
  | { kind: 'unknown'; postcode: string }
  | { kind: 'found'; postcode: string; pc4: string; areas: PostcodeArea[] };

/** Finds the municipality or municipalities of a postcode as the user typed it. */
export async function lookupPostcode(db: Queryable, input: string): Promise<PostcodeLookup> {
  const parsed = parsePostcode(input);
  if (!parsed) return { kind: 'malformed' };
  const areas = await findPostcodeAreas(db, parsed.pc4);
  if (areas.length === 0) return { kind: 'unknown', postcode: parsed.normalised };
  return { kind: 'found', postcode: parsed.normalised, pc4: parsed.pc4, areas: rankPostcodeAreas(areas) };
}

/** A well-formed municipality code given as input that is not a municipality of 2025: a 400 naming the field. */
export function unknownMunicipalityProblem(locale: Locale): ProblemError {
  const issue = {
    code: 'custom' as const,
    path: ['municipality'],
    message: 'municipality_unknown',
    input: '',
  };
  return new ProblemError(
    platformProblems.validationFailed,
    { nl: 'Deze gemeente bestaat niet.', en: 'This municipality does not exist.' },
    describeIssues([issue], locale),
  );
}
