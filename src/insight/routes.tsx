import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findOrganisation } from '../catalogue/index.ts';
import { signedInStaff, type ActiveSession } from '../identity/index.ts';
import { listMunicipalities } from '../municipalities/index.ts';
import { isoDateInAmsterdam, type Clock } from '../platform/clock.ts';
import { csrfToken } from '../platform/csrf.ts';
import type { Database } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import { createPseudonymiser } from '../platform/processing-log/index.ts';
import { traceIdFor } from '../platform/trace.ts';
import { describeIssues, type FieldError } from '../platform/validation.ts';
import { formFields } from '../platform/views/more-fields.tsx';
import { sendPage } from '../platform/views/render.ts';
import { insightFigures } from './aggregate.ts';
import type { Published } from './disclose.ts';
import { lifeDomains } from './domains.ts';
import { InsightPage, insightPath, ReadRecordsPage, RecordFormPage } from './pages.tsx';
import { ChildrenFiguresPage } from './children-page.tsx';
import { childrenFigures } from './questionnaire-store.ts';
import { questionnaireRoutes } from './questionnaire-routes.tsx';
import { recordFromForm, recordSchema } from './record-form.ts';
import { countRecordsOf, insertRecord, readNewestRecords, recordFacts } from './store.ts';

type Options = { db: Database; clock: Clock; secret: string };
type OrgParams = { organisation: string };

const publicRoute = { config: { access: 'public' as const } };
const hidden = { schema: { hide: true } };
const recordRoute = {
  ...hidden,
  config: {
    access: {
      action: 'insight.record' as const,
      resource: (request: FastifyRequest) => ({
        organisationKey: (request.params as OrgParams).organisation,
      }),
    },
  },
};
const readRoute = { ...hidden, config: { access: { action: 'insight.read' as const } } };

const publishedResource = z.object({ value: z.number().nullable(), suppressed: z.string().nullable() });
const published = (figure: Published) => ({
  value: figure.value,
  suppressed: figure.suppressed?.code ?? null,
});

/** The role a record or a read is made in, for the processing log. */
function processingActor(session: ActiveSession, organisation: string | null) {
  const membership =
    session.memberships.find((m) => m.organisationKey === organisation) ?? session.memberships[0];
  return { personId: session.person.id, role: membership?.role ?? 'staff', organisation };
}

/** Insight (ambition 3): portraits and signals, their disclosed figures, and the children's questionnaire. */
export const insightRoutes =
  ({ db, clock, secret }: Options): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(questionnaireRoutes({ db, clock, secret }));
    const pseudonymiser = createPseudonymiser(secret);
    const municipalityNames = async () =>
      new Map((await listMunicipalities(db)).map((m) => [m.code, m.name] as const));

    app.get(
      '/api/v1/insight/domains',
      {
        ...publicRoute,
        schema: {
          tags: ['insight'],
          summary: 'Portraits and signals per life domain: co-occurrence, per quarter, per municipality',
          description:
            'Every count is through disclosure control: 1-9 and counts that would give those away are null, with the reason code.',
          response: {
            200: z.object({
              total: publishedResource,
              domains: z.array(z.string()),
              matrix: z.array(z.array(publishedResource)),
              quarters: z.array(
                z.object({
                  quarter: z.string(),
                  total: publishedResource,
                  domains: z.array(publishedResource),
                }),
              ),
              municipalities: z.array(
                z.object({ code: z.string(), total: publishedResource, domains: z.array(publishedResource) }),
              ),
            }),
          },
        },
      },
      async () => {
        const figures = insightFigures(await recordFacts(db));
        const rows = (group: typeof figures.quarters) =>
          group.labels.map((label, i) => ({
            label,
            total: published(group.table.rowTotals[i]!),
            domains: group.table.cells[i]!.map(published),
          }));
        return {
          total: published(figures.total),
          domains: [...lifeDomains],
          matrix: figures.matrix.map((row) => row.map(published)),
          quarters: rows(figures.quarters).map(({ label, ...rest }) => ({ quarter: label, ...rest })),
          municipalities: rows(figures.municipalities).map(({ label, ...rest }) => ({
            code: label,
            ...rest,
          })),
        };
      },
    );

    app.get(
      '/api/v1/insight/children',
      {
        ...publicRoute,
        schema: {
          tags: ['insight'],
          summary: 'The children’s questionnaire: how they rated what they received, per municipality',
          response: {
            200: z.object({
              municipalities: z.array(
                z.object({
                  code: z.string(),
                  total: publishedResource,
                  liked: z.record(z.string(), publishedResource),
                }),
              ),
            }),
          },
        },
      },
      async () => {
        const figures = await childrenFigures(db);
        return {
          municipalities: figures.municipalities.map((code, i) => ({
            code,
            total: published(figures.liked.rowTotals[i]!),
            liked: {
              fun: published(figures.liked.cells[i]![0]!),
              okay: published(figures.liked.cells[i]![1]!),
              not_fun: published(figures.liked.cells[i]![2]!),
            },
          })),
        };
      },
    );

    app.get(insightPath, { ...publicRoute, ...hidden }, async (request, reply) => {
      const figures = insightFigures(await recordFacts(db));
      const page = (
        <InsightPage
          context={pageContext(request, reply)}
          figures={figures}
          names={await municipalityNames()}
        />
      );
      return sendPage(reply, page);
    });

    app.get(`${insightPath}/kinderen`, { ...publicRoute, ...hidden }, async (request, reply) => {
      const page = (
        <ChildrenFiguresPage
          context={pageContext(request, reply)}
          figures={await childrenFigures(db)}
          names={await municipalityNames()}
        />
      );
      return sendPage(reply, page);
    });

    // Recording portraits and signals for the own organisation.
    const showRecordForm = async (
      request: FastifyRequest<{ Params: OrgParams }>,
      reply: FastifyReply,
      view: {
        organisation: { key: string; name: string };
        fields: Record<string, string>;
        errors: FieldError[];
        saved: boolean;
      },
    ) => {
      const session = signedInStaff(request);
      const page = (
        <RecordFormPage
          context={pageContext(request, reply)}
          session={session}
          csrf={csrfToken(secret, session.idHash)}
          municipalities={await listMunicipalities(db)}
          recorded={await countRecordsOf(db, view.organisation.key)}
          {...view}
        />
      );
      return sendPage(reply, page, view.errors.length > 0 ? 400 : 200);
    };

    app.get<{ Params: OrgParams; Querystring: { opgeslagen?: string } }>(
      '/beheer/organisaties/:organisation/inzicht',
      recordRoute,
      async (request, reply) => {
        const organisation = await findOrganisation(db, request.params.organisation);
        if (!organisation) return reply.callNotFound();
        const fields = {
          municipality: organisation.municipality ?? '',
          observedOn: isoDateInAmsterdam(clock.now()),
        };
        return showRecordForm(request, reply, {
          organisation,
          fields,
          errors: [],
          saved: request.query.opgeslagen === '1',
        });
      },
    );

    app.post<{ Params: OrgParams }>(
      '/beheer/organisaties/:organisation/inzicht',
      recordRoute,
      async (request, reply) => {
        const organisation = await findOrganisation(db, request.params.organisation);
        if (!organisation) return reply.callNotFound();
        const fields = formFields(request.body);
        const known = new Set((await listMunicipalities(db)).map((m) => m.code));
        const parsed = recordSchema(isoDateInAmsterdam(clock.now()), known).safeParse(recordFromForm(fields));
        if (!parsed.success) {
          const errors = describeIssues(parsed.error.issues, pageContext(request, reply).locale);
          return showRecordForm(request, reply, { organisation, fields, errors, saved: false });
        }
        const session = signedInStaff(request);
        await db.transaction((tx) =>
          insertRecord(
            tx,
            { record: parsed.data, organisationKey: organisation.key, recordedBy: session.person.id },
            {
              actor: processingActor(session, organisation.key),
              traceId: traceIdFor(request.headers),
              pseudonymiser,
            },
          ),
        );
        return reply.redirect(
          `/beheer/organisaties/${encodeURIComponent(organisation.key)}/inzicht?opgeslagen=1`,
          303,
        );
      },
    );

    app.get('/beheer/inzicht', readRoute, async (request, reply) => {
      const session = signedInStaff(request);
      const context = {
        actor: processingActor(session, null),
        traceId: traceIdFor(request.headers),
        pseudonymiser,
      };
      const records = await db.transaction((tx) => readNewestRecords(tx, 50, context));
      const page = (
        <ReadRecordsPage
          context={pageContext(request, reply)}
          session={session}
          csrf={csrfToken(secret, session.idHash)}
          records={records}
          names={await municipalityNames()}
        />
      );
      return sendPage(reply, page);
    });
  };
