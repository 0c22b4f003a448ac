import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { findOrganisation } from '../catalogue/index.ts';
import { signedInStaff, type RouteAccess } from '../identity/index.ts';
import { isoDateInAmsterdam, type Clock } from '../platform/clock.ts';
import { csrfToken } from '../platform/csrf.ts';
import type { Database } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import { logProcessing, NO_SUBJECT } from '../platform/processing-log/index.ts';
import { traceIdFor } from '../platform/trace.ts';
import type { FieldError } from '../platform/validation.ts';
import { sendPage } from '../platform/views/render.ts';
import { checkDeliveryFile } from './check-file.ts';
import { importDeliveries } from './import-deliveries.ts';
import { fileMessage } from './messages.ts';
import { pageMessages } from './page-messages.ts';
import { RunPage, runPath, UploadPage } from './pages.tsx';
import { correctionHeader, correctionLine } from './report.ts';
import {
  deliveryImportActivity,
  findImportRun,
  recentImportRuns,
  rejectedRows,
  startImportRun,
} from './runs.ts';
import { registerUploads, type Upload } from './upload.ts';

type Options = { db: Database; clock: Clock; secret: string; childKeySecret: string };
type Params = { organisation: string; run?: string };

const REPORT_PAGE_ROWS = 100;

const access: RouteAccess = {
  action: 'deliveries.import',
  resource: (request: FastifyRequest) => ({ organisationKey: (request.params as Params).organisation }),
};
const route = { schema: { hide: true }, config: { access } };

/** The signed-in member's role in the organisation, for the processing log. */
const roleIn = (request: FastifyRequest, organisation: string) =>
  signedInStaff(request).memberships.find(
    (m) => m.organisationKey === organisation && (m.role === 'coordinator' || m.role === 'handler'),
  )?.role ?? 'handler';

/**
 * A partner's staff upload a delivery file; it is imported in the background of this process and its page
 * shows the progress (refreshing itself, without script), then the validation report and the correction file.
 */
export const deliveryUploadRoutes =
  ({ db, clock, secret, childKeySecret }: Options): FastifyPluginAsync =>
  async (app) => {
    const uploads = await registerUploads(app, { secret });
    // Imports still running when the app stops are waited for, so none is cut off half-way by a clean stop.
    const running = new Set<Promise<unknown>>();
    app.addHook('onClose', async () => {
      await Promise.allSettled([...running]);
    });

    const showUploadPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      organisation: { key: string; name: string },
      errors: FieldError[],
    ) => {
      const session = signedInStaff(request);
      const page = (
        <UploadPage
          context={pageContext(request, reply)}
          session={session}
          csrf={csrfToken(secret, session.idHash)}
          organisation={organisation}
          runs={await recentImportRuns(db, organisation.key)}
          errors={errors}
        />
      );
      return sendPage(reply, page, errors.length > 0 ? 400 : 200);
    };

    app.get<{ Params: Params }>(
      '/beheer/organisaties/:organisation/leveringen',
      route,
      async (request, reply) => {
        const organisation = await findOrganisation(db, request.params.organisation);
        if (!organisation) return reply.callNotFound();
        return showUploadPage(request, reply, organisation, []);
      },
    );

    app.post<{ Params: Params }>(
      '/beheer/organisaties/:organisation/leveringen',
      route,
      async (request, reply) => {
        const organisation = await findOrganisation(db, request.params.organisation);
        if (!organisation) return reply.callNotFound();
        const { locale } = pageContext(request, reply);
        const upload: Upload | undefined = uploads.get(request);
        const problem = !upload
          ? pageMessages[locale].chooseFile
          : upload.truncated
            ? fileMessage('file_too_large', null, locale)
            : await checkDeliveryFile(upload.path).then((p) => p && fileMessage(p.code, p.detail, locale));
        if (problem || !upload) {
          await upload?.remove();
          return showUploadPage(request, reply, organisation, [
            { field: 'bestand', code: 'file', message: problem ?? '' },
          ]);
        }

        const session = signedInStaff(request);
        const runId = await db.transaction((tx) =>
          startImportRun(tx, {
            provider: organisation.key,
            fileName: upload.fileName,
            bytesTotal: upload.bytes,
            startedBy: session.person.id,
            actor: {
              personId: session.person.id,
              role: roleIn(request, organisation.key),
              organisation: organisation.key,
            },
            traceId: traceIdFor(request.headers),
          }),
        );
        uploads.handOver(request);
        const work = importDeliveries({
          db,
          runId,
          path: upload.path,
          bytesTotal: upload.bytes,
          provider: organisation.key,
          today: isoDateInAmsterdam(clock.now()),
          childKeySecret,
          now: () => clock.now(),
        })
          .catch((error: unknown) => request.log.error({ err: error, run: runId }, 'delivery import failed'))
          .finally(() => {
            running.delete(work);
            return upload.remove();
          });
        running.add(work);
        return reply.redirect(runPath(organisation.key, runId), 303);
      },
    );

    app.get<{ Params: Params; Querystring: { vanaf?: string; verversen?: string } }>(
      '/beheer/organisaties/:organisation/leveringen/:run',
      route,
      async (request, reply) => {
        const organisation = await findOrganisation(db, request.params.organisation);
        const run = organisation && (await findImportRun(db, organisation.key, request.params.run!));
        if (!organisation || !run) return reply.callNotFound();
        const after = Math.max(0, Number.parseInt(request.query.vanaf ?? '0', 10) || 0);
        const rejects =
          run.status === 'running' ? [] : await rejectedRows(db, run.id, after, REPORT_PAGE_ROWS + 1);
        const more = rejects.length > REPORT_PAGE_ROWS;
        const shown = rejects.slice(0, REPORT_PAGE_ROWS);
        const session = signedInStaff(request);
        const page = (
          <RunPage
            context={pageContext(request, reply)}
            session={session}
            csrf={csrfToken(secret, session.idHash)}
            organisation={organisation}
            run={run}
            rejects={shown}
            nextPage={more ? `${runPath(organisation.key, run.id)}?vanaf=${shown.at(-1)!.line}` : null}
            now={clock.now()}
            autoRefresh={request.query.verversen === 'aan'}
          />
        );
        return sendPage(reply, page);
      },
    );

    app.get<{ Params: Params }>(
      '/beheer/organisaties/:organisation/leveringen/:run/correctie.csv',
      route,
      async (request, reply) => {
        const organisation = await findOrganisation(db, request.params.organisation);
        const run = organisation && (await findImportRun(db, organisation.key, request.params.run!));
        if (!organisation || !run) return reply.callNotFound();
        const { locale } = pageContext(request, reply);
        const session = signedInStaff(request);
        // The correction file holds child keys: pseudonymous, still personal data, so its export is logged.
        await db.transaction((tx) =>
          logProcessing(tx, {
            actor: {
              personId: session.person.id,
              role: roleIn(request, organisation.key),
              organisation: organisation.key,
            },
            activity: deliveryImportActivity,
            action: 'export',
            subject: NO_SUBJECT,
            traceId: traceIdFor(request.headers),
          }),
        );
        async function* lines() {
          yield `\uFEFF${correctionHeader(locale)}`;
          let after = 0;
          for (;;) {
            const page = await rejectedRows(db, run!.id, after, 1000);
            if (page.length === 0) return;
            yield page.map((reject) => correctionLine(reject, locale)).join('');
            after = page.at(-1)!.line;
          }
        }
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="correctie-${run.id.slice(0, 8)}.csv"`)
          .send(Readable.from(lines()));
      },
    );
  };
