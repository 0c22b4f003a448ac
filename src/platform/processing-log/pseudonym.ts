import { createHmac, hkdfSync } from 'node:crypto';
import { SUBJECT_KIND } from './activities.ts';

export type Pseudonymiser = {
  /** 64 hex digits; the same for the same subject, unrelated for any other, and not reversible. */
  pseudonym(subjectKind: string, subjectId: string): string;
};

/**
 * A keyed hash rather than a plain one: subject ids are guessable (sequential, or a BSN), so without the key
 * anyone holding the log could hash every candidate and find the match. The key is derived for this one
 * purpose, so the platform secret is never used directly and other uses of it do not yield this key.
 */
export function createPseudonymiser(secret: string): Pseudonymiser {
  const key = Buffer.from(hkdfSync('sha256', secret, 'meedoen', 'processing-log', 32));
  return {
    pseudonym(subjectKind, subjectId) {
      // A kind cannot contain ':', so "kind:id" is unambiguous and two kinds never share an input.
      if (!SUBJECT_KIND.test(subjectKind))
        throw new Error(`Subject kind "${subjectKind}" is not a plain name`);
      if (subjectId === '') throw new Error('A subject needs an id to be pseudonymised');
      return createHmac('sha256', key).update(`${subjectKind}:${subjectId}`).digest('hex');
    },
  };
}
