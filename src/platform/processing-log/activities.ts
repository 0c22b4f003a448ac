import type { Translations } from '../i18n.ts';

/**
 * A processing activity from the register (AVG art. 30): what is done with whose data, why, and on which
 * legal basis. The platform knows no domain, so each capability defines its own when its module loads.
 */
export type ProcessingActivity<Kind extends string = string> = {
  readonly code: string;
  readonly purpose: Readonly<Translations<string>>;
  readonly legalBasis: Readonly<Translations<string>>;
  /** The kind of person the activity is about, e.g. 'child' or 'household'. */
  readonly subjectKind: Kind;
};

const CODE = /^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$/;
export const SUBJECT_KIND = /^[a-z][a-z0-9-]*$/;

// Built from code at start-up and the same in every process, so it may live in memory.
const register = new Map<string, ProcessingActivity>();

export function defineActivity<const Kind extends string>(
  definition: ProcessingActivity<Kind>,
): ProcessingActivity<Kind> {
  const { code, purpose, legalBasis, subjectKind } = definition;
  if (!CODE.test(code)) throw new Error(`Processing activity code "${code}" is not of the form area.verb`);
  if (!SUBJECT_KIND.test(subjectKind)) throw new Error(`Subject kind "${subjectKind}" is not a plain name`);
  // Two capabilities sharing a code would make the log ambiguous about why data was processed.
  if (register.has(code)) throw new Error(`Processing activity "${code}" is defined twice`);
  for (const text of [purpose.nl, purpose.en, legalBasis.nl, legalBasis.en])
    if (!text?.trim())
      throw new Error(`Processing activity "${code}" needs a purpose and legal basis in nl and en`);
  const activity = Object.freeze({
    code,
    subjectKind,
    purpose: Object.freeze({ ...purpose }),
    legalBasis: Object.freeze({ ...legalBasis }),
  });
  register.set(code, activity);
  return activity;
}

export function listActivities(): ProcessingActivity[] {
  return [...register.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export function findActivity(code: string): ProcessingActivity | undefined {
  return register.get(code);
}

/** Only the very object defineActivity returned counts, so a hand-made look-alike cannot be logged. */
export function isRegistered(activity: ProcessingActivity): boolean {
  return register.get(activity.code) === activity;
}
