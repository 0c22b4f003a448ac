import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findOrganisation } from '../catalogue/index.ts';
import { signedInStaff } from '../identity/index.ts';
import { csrfToken } from '../platform/csrf.ts';
import { lifeDomains } from '../insight/index.ts';
import type { Database, Queryable } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import { defineProblem } from '../platform/problems.ts';
import { formFields, formList } from '../platform/views/more-fields.tsx';
import { practiceSchema } from './practice-form.ts';
import { type Practice } from './store.ts';
import { type PracticeFormValues } from './staff-pages.tsx';

export type Options = { db: Database; secret: string };
export type OrgParams = { organisation: string; id?: string };

export const practiceNotFound = defineProblem({
  code: 'practice-not-found',
  status: 404,
  title: { nl: 'Dit voorbeeld bestaat niet', en: 'This practice does not exist' },
});

export const publicRoute = { config: { access: 'public' as const } };
export const hidden = { schema: { hide: true } };
export const submitRoute = {
  ...hidden,
  config: {
    access: {
      action: 'practices.submit' as const,
      resource: (request: FastifyRequest) => ({
        organisationKey: (request.params as OrgParams).organisation,
      }),
    },
  },
};
export const reviewRoute = { ...hidden, config: { access: { action: 'practices.review' as const } } };
export const reactRoute = { ...hidden, config: { access: { action: 'practices.react' as const } } };

export const libraryQuery = z.object({
  q: z.string().max(200).optional(),
  ambition: z.coerce.number().int().min(1).max(4).optional(),
  domain: z.enum(lifeDomains).optional(),
});

export const practiceResource = z.object({
  id: z.string(),
  organisation: z.object({ key: z.string(), name: z.string() }),
  title: z.string(),
  summary: z.string(),
  problem: z.string(),
  approach: z.string(),
  ambitions: z.array(z.number()),
  lifeDomains: z.array(z.string()),
  targetGroup: z.string(),
  results: z.string(),
  evidence: z.string(),
  costs: z.string(),
  contact: z.string(),
  documents: z.array(z.object({ title: z.string(), url: z.string() })),
  publishedAt: z.string().nullable(),
  alsoTriedBy: z.number(),
});

export async function organisationNames(db: Queryable, keys: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const key of new Set(keys)) names.set(key, (await findOrganisation(db, key))?.name ?? key);
  return names;
}

export const emptyValues = (): PracticeFormValues => ({
  fields: { evidence: '' },
  ambitions: [],
  lifeDomains: [],
});
export const valuesOf = (practice: Practice): PracticeFormValues => ({
  fields: {
    ...Object.fromEntries(
      Object.entries(practice).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
    documents: practice.documents.map((d) => `${d.title} | ${d.url}`).join('\n'),
  },
  ambitions: practice.ambitions.map(String),
  lifeDomains: practice.lifeDomains,
});
export const valuesFromBody = (body: unknown): PracticeFormValues => ({
  fields: formFields(body),
  ambitions: formList(body, 'ambitions'),
  lifeDomains: formList(body, 'lifeDomains'),
});
export const parsePracticeForm = (values: PracticeFormValues) =>
  practiceSchema.safeParse({
    ...values.fields,
    ambitions: values.ambitions,
    lifeDomains: values.lifeDomains,
  });

/** What every signed-in staff page needs: the page context, the session bar and the form token. */
export function staffPageBase(request: FastifyRequest, reply: FastifyReply, secret: string) {
  const session = signedInStaff(request);
  return { context: pageContext(request, reply), session, csrf: csrfToken(secret, session.idHash) };
}

/** The good practices: the public library and API, submitting for an organisation, and the review. */

export function present(
  practice: Practice,
  names: Map<string, string>,
  alsoTriedBy: number,
): z.infer<typeof practiceResource> {
  return {
    id: practice.id,
    organisation: {
      key: practice.organisationKey,
      name: names.get(practice.organisationKey) ?? practice.organisationKey,
    },
    title: practice.title,
    summary: practice.summary,
    problem: practice.problem,
    approach: practice.approach,
    ambitions: practice.ambitions,
    lifeDomains: practice.lifeDomains,
    targetGroup: practice.targetGroup,
    results: practice.results,
    evidence: practice.evidence,
    costs: practice.costs,
    contact: practice.contact,
    documents: practice.documents,
    publishedAt: practice.publishedAt?.toISOString() ?? null,
    alsoTriedBy,
  };
}
