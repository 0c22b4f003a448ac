import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Queryable } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import { describeIssues } from '../platform/validation.ts';
import { sendPage } from '../platform/views/render.ts';
import { Layout } from '../platform/views/layout.tsx';
import { lookupPostcode, postcodeMessages } from '../municipalities/index.ts';
import { ChooseMunicipalityPage, HomePage } from './home-page.tsx';
import { pageMessages } from './page-messages.ts';
import { ProvisionPage } from './provision-page.tsx';
import { ResultsPage } from './results-page.tsx';
import { provisionSearchSchema, searchProvisions, type ProvisionSearch } from './search.ts';
import { SourcesPage } from './sources-page.tsx';
import { findProvision } from './store.ts';

const postcodeSearchForm = z.object({
  postcode: z
    .string({ error: 'postcode_required' })
    .trim()
    .min(1, { error: 'postcode_required' })
    .max(20, { error: 'postcode_malformed' }),
  age: provisionSearchSchema.shape.age,
});

/** Parses the search; a field in error is reported and left out, so the rest of the page still works. */
function parseSearch(query: unknown) {
  const raw = (query ?? {}) as Record<string, unknown>;
  const first = provisionSearchSchema.safeParse(raw);
  if (first.success) return { search: first.data, invalid: [] as z.core.$ZodIssue[] };
  const invalidFields = new Set(first.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([name]) => !invalidFields.has(name)));
  return { search: provisionSearchSchema.parse(kept), invalid: first.error.issues, rawAge: raw.age };
}

function resultsHref(municipality: string, age: number | undefined): string {
  const params = new URLSearchParams({ municipality });
  if (age !== undefined) params.set('age', String(age));
  return `/voorzieningen?${params.toString()}`;
}

export const cataloguePageRoutes =
  (db: Queryable): FastifyPluginAsync =>
  async (app) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('vary', 'cookie');
    });

    app.get('/', { schema: { hide: true } }, (request, reply) =>
      sendPage(reply, <HomePage context={pageContext(request, reply)} />),
    );

    app.get('/zoeken', { schema: { hide: true } }, (_request, reply) => reply.redirect('/', 303));

    // A POST keeps the postcode out of the address bar, history and logs; the results address holds only
    // the municipality code.
    app.post('/zoeken', { schema: { hide: true } }, async (request, reply) => {
      const context = pageContext(request, reply);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = {
        postcode: typeof body.postcode === 'string' ? body.postcode : '',
        age: typeof body.age === 'string' ? body.age : '',
      };
      const form = postcodeSearchForm.safeParse(body);
      if (!form.success) {
        const errors = describeIssues(form.error.issues, context.locale);
        return sendPage(reply, <HomePage context={context} values={values} errors={errors} />, 400);
      }
      const lookup = await lookupPostcode(db, form.data.postcode);
      if (lookup.kind !== 'found') {
        const code = lookup.kind === 'malformed' ? 'postcode_malformed' : 'postcode_unknown';
        const errors = [{ field: 'postcode', code, message: postcodeMessages[code][context.locale] }];
        return sendPage(reply, <HomePage context={context} values={values} errors={errors} />, 400);
      }
      if (lookup.areas.length === 1) {
        return reply.redirect(resultsHref(lookup.areas[0]!.municipalityCode, form.data.age), 303);
      }
      return sendPage(
        reply,
        <ChooseMunicipalityPage
          context={context}
          postcode={lookup.postcode}
          age={form.data.age}
          areas={lookup.areas}
        />,
      );
    });

    app.get('/voorzieningen', { schema: { hide: true } }, async (request, reply) => {
      const context = pageContext(request, reply);
      const { search, invalid, rawAge } = parseSearch(request.query);
      if (!search.municipality && !invalid.some((issue) => issue.path[0] === 'municipality')) {
        return reply.redirect('/', 303);
      }
      const result = search.municipality
        ? await searchProvisions(db, search, context.locale)
        : { kind: 'unknown-municipality' as const };
      if (result.kind === 'unknown-municipality' || !result.municipality) {
        const text = pageMessages[context.locale];
        return sendPage(
          reply,
          <Layout context={context} title={text.unknownMunicipalityTitle}>
            <h1 class="utrecht-heading-1">{text.unknownMunicipalityTitle}</h1>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href="/">
                {text.unknownMunicipalityBody}
              </a>
            </p>
          </Layout>,
          404,
        );
      }
      const errors = describeIssues(invalid, context.locale);
      return sendPage(
        reply,
        <ResultsPage
          context={context}
          municipality={result.municipality}
          age={search.age}
          category={search.category}
          provisions={result.provisions}
          errors={errors}
          values={{ age: typeof rawAge === 'string' ? rawAge : undefined }}
        />,
        errors.length > 0 ? 400 : 200,
      );
    });

    app.get<{ Params: { id: string } }>(
      '/voorzieningen/:id',
      { schema: { hide: true } },
      async (request, reply) => {
        const context = pageContext(request, reply);
        const provision = request.params.id.length <= 100 ? await findProvision(db, request.params.id) : null;
        if (!provision) return reply.callNotFound();
        const { search } = parseSearch(request.query);
        const back: ProvisionSearch = search;
        return sendPage(
          reply,
          <ProvisionPage
            context={context}
            provision={provision}
            backHref={back.municipality ? resultsHref(back.municipality, back.age) : null}
          />,
        );
      },
    );

    app.get('/bronnen', { schema: { hide: true } }, (request, reply) =>
      sendPage(reply, <SourcesPage context={pageContext(request, reply)} />),
    );
  };
