import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInStaff, type ActiveSession } from '../identity/index.ts';
import { isoDateInAmsterdam, systemClock, type Clock } from '../platform/clock.ts';
import { csrfToken } from '../platform/csrf.ts';
import type { Database } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import {
  createPseudonymiser,
  exportProcessingLogCsv,
  listActivities,
  processingsAbout,
  searchProcessingLog,
} from '../platform/processing-log/index.ts';
import { traceIdFor } from '../platform/trace.ts';
import { describeIssues } from '../platform/validation.ts';
import { sendPage } from '../platform/views/render.ts';
import {
  logSearchSchema,
  pageNumber,
  PAGE_SIZE,
  subjectKinds,
  subjectRequestSchema,
  toLogFilter,
  type LogSearch,
} from './filter.ts';
import { EXPORT_PATH, SEARCH_PATH, SearchPage, SUBJECT_PATH, SubjectPage } from './pages.tsx';
import { officerOf, recordLogSearch, recordSubjectAccess } from './records.ts';

type Options = { db: Database; secret: string; clock?: Clock };
type Body = Record<string, unknown>;

const access = { access: { action: 'processing_log.search' as const } };
const route = { schema: { hide: true }, config: access };

/** What the search form shows again: only strings, as typed. */
function typedValues(query: unknown): Record<keyof LogSearch, string | undefined> {
  const raw = (query ?? {}) as Record<string, unknown>;
  const value = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : undefined);
  return {
    activity: value('activity'),
    from: value('from'),
    to: value('to'),
    actor: value('actor'),
    subject: value('subject'),
  };
}

/**
 * The privacy officer's pages on the processing log: search and page through it, export what matches as CSV,
 * and answer a data subject's request with every processing about them. Reading the log is itself a
 * processing, so every read writes its own records (see records.ts).
 */
export const privacyRoutes =
  ({ db, secret, clock = systemClock }: Options): FastifyPluginAsync =>
  async (app) => {
    const pseudonymiser = createPseudonymiser(secret);
    const csrfFor = (session: ActiveSession) => csrfToken(secret, session.idHash);
    const readingBy = (request: FastifyRequest, session: ActiveSession) => ({
      actor: officerOf(session),
      traceId: traceIdFor(request.headers),
      pseudonymiser,
    });

    /** The search page with the form's errors, for a filter that cannot be used. */
    function refusedSearch(
      request: FastifyRequest,
      reply: FastifyReply,
      session: ActiveSession,
      issues: Parameters<typeof describeIssues>[0],
    ) {
      const context = pageContext(request, reply);
      return sendPage(
        reply,
        <SearchPage
          context={context}
          session={session}
          csrf={csrfFor(session)}
          activities={listActivities()}
          values={typedValues(request.query)}
          errors={describeIssues(issues, context.locale)}
        />,
        400,
      );
    }

    app.get(SEARCH_PATH, route, async (request, reply) => {
      const session = signedInStaff(request);
      const parsed = logSearchSchema.safeParse(request.query ?? {});
      if (!parsed.success) return refusedSearch(request, reply, session, parsed.error.issues);
      const search = parsed.data;
      const page = pageNumber(request.query);
      const filter = toLogFilter(search);
      // The record is written after the read, so the page shows the log as it was when asked.
      const { total, records } = await db.transaction(async (tx) => {
        const found = await searchProcessingLog(tx, {
          ...filter,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        });
        await recordLogSearch(tx, readingBy(request, session), 'read', filter);
        return found;
      });
      return sendPage(
        reply,
        <SearchPage
          context={pageContext(request, reply)}
          session={session}
          csrf={csrfFor(session)}
          activities={listActivities()}
          values={search}
          results={{ search, page, pageSize: PAGE_SIZE, total, records }}
        />,
      );
    });

    app.get(EXPORT_PATH, route, async (request, reply) => {
      const session = signedInStaff(request);
      const parsed = logSearchSchema.safeParse(request.query ?? {});
      if (!parsed.success) return refusedSearch(request, reply, session, parsed.error.issues);
      const filename = `verwerkingen-${isoDateInAmsterdam(clock.now())}.csv`;
      const filter = toLogFilter(parsed.data);
      // Streaming a large log inside a transaction would hold it (on PGlite, the one connection) as long as
      // the download lasts. So the record commits before the first row is read: no export goes unrecorded,
      // and at worst a download that breaks off is recorded in full.
      await db.transaction((tx) => recordLogSearch(tx, readingBy(request, session), 'export', filter));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(Readable.from(exportProcessingLogCsv(db, filter)));
    });

    app.get(SUBJECT_PATH, route, (request, reply) => {
      const session = signedInStaff(request);
      return sendPage(
        reply,
        <SubjectPage
          context={pageContext(request, reply)}
          session={session}
          csrf={csrfFor(session)}
          kinds={subjectKinds()}
        />,
      );
    });

    // The identifier comes in the body only: it never appears in an address, the history or a request log.
    app.post(SUBJECT_PATH, route, async (request, reply) => {
      const session = signedInStaff(request);
      const context = pageContext(request, reply);
      const body = (request.body ?? {}) as Body;
      const page = (status: number, props: Partial<Parameters<typeof SubjectPage>[0]>) =>
        sendPage(
          reply,
          <SubjectPage
            context={context}
            session={session}
            csrf={csrfFor(session)}
            kinds={subjectKinds()}
            {...props}
          />,
          status,
        );
      const form = subjectRequestSchema.safeParse(body);
      if (!form.success) {
        const values = {
          kind: typeof body.kind === 'string' ? body.kind : undefined,
          identifier: typeof body.identifier === 'string' ? body.identifier.slice(0, 200) : undefined,
        };
        return page(400, { values, errors: describeIssues(form.error.issues, context.locale) });
      }
      // E-mail addresses are pseudonymised in lower case wherever they are logged.
      const id =
        form.data.kind === 'email-recipient'
          ? form.data.identifier.trim().toLowerCase()
          : form.data.identifier;
      const subject = { kind: form.data.kind, id };
      const processings = await db.transaction(async (tx) => {
        const about = await processingsAbout(tx, pseudonymiser, subject);
        await recordSubjectAccess(tx, readingBy(request, session), subject);
        return about;
      });
      return page(200, { values: { kind: form.data.kind }, processings });
    });
  };
