import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../platform/clock.ts';
import { csrfToken } from '../platform/csrf.ts';
import type { Database } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import { createPseudonymiser } from '../platform/processing-log/index.ts';
import { traceIdFor } from '../platform/trace.ts';
import type { FieldError } from '../platform/validation.ts';
import { sendPage } from '../platform/views/render.ts';
import { signedInStaff, type RouteAccess } from './access.ts';
import {
  invitableRoles,
  inviteMember,
  readMembers,
  removeMember,
  type CoordinatorActor,
  type InviteInput,
} from './members.ts';
import { memberMessages, MembersPage, type InviteValues, type MembersNotice } from './members-page.tsx';
import type { ActiveSession } from './sessions.ts';

type Options = { db: Database; clock: Clock; secret: string; publicBaseUrl: string };
type Body = Record<string, unknown>;
type OrganisationParams = { organisation: string };
type MemberParams = OrganisationParams & { person: string };

const text = (body: Body, field: string) => (typeof body[field] === 'string' ? (body[field] as string) : '');

/** Only a coordinator of the organisation in the address; anyone else gets "not found". */
const access: RouteAccess = {
  action: 'members.manage',
  resource: (request) => ({ organisationKey: (request.params as OrganisationParams).organisation }),
};
const routeOptions = { schema: { hide: true }, config: { access } };

const notices: Record<string, MembersNotice> = { uitgenodigd: 'invited', verwijderd: 'removed' };
const personIdSchema = z.uuid();
const emailSchema = z.email().max(320);
const roleSchema = z.enum(invitableRoles);

type ErrorCode = keyof (typeof memberMessages)['nl']['errors'];

/** The invitation form's fields, checked; error codes per field when something is missing or wrong. */
function parseInvite(body: Body): { input: InviteInput } | { errors: [string, ErrorCode][] } {
  const email = text(body, 'email').trim();
  const name = text(body, 'name').trim();
  const role = roleSchema.safeParse(text(body, 'role'));
  const errors: [string, ErrorCode][] = [];
  if (email === '') errors.push(['email', 'email_missing']);
  else if (!emailSchema.safeParse(email).success) errors.push(['email', 'email_invalid']);
  if (name === '') errors.push(['name', 'name_missing']);
  else if (name.length > 200) errors.push(['name', 'name_too_long']);
  if (!role.success) errors.push(['role', 'role_invalid']);
  if (errors.length > 0 || !role.success) return { errors };
  return { input: { email, name, role: role.data } };
}

/**
 * A coordinator manages their organisation's members: sees them, invites someone in a role, removes someone.
 * Every member shown and every change writes its processing-log record in the same transaction.
 */
export const memberRoutes =
  ({ db, clock, secret, publicBaseUrl }: Options): FastifyPluginAsync =>
  async (app: FastifyInstance) => {
    const pseudonymiser = createPseudonymiser(secret);
    const listAddress = (organisationKey: string) =>
      `/beheer/organisaties/${encodeURIComponent(organisationKey)}/leden`;

    const actorFor = (request: FastifyRequest, session: ActiveSession, organisationKey: string) =>
      ({
        personId: session.person.id,
        organisationKey,
        traceId: traceIdFor(request.headers),
        pseudonymiser,
      }) satisfies CoordinatorActor;

    /** The list page, read (and logged) afresh, with a notice or the form's errors. */
    async function renderList(
      request: FastifyRequest,
      reply: FastifyReply,
      session: ActiveSession,
      organisationKey: string,
      extra: {
        errors?: [string, ErrorCode][];
        values?: InviteValues;
        notice?: MembersNotice;
        status?: number;
      },
    ) {
      const context = pageContext(request, reply);
      const messages = memberMessages[context.locale].errors;
      const errors: FieldError[] = (extra.errors ?? []).map(([field, code]) => ({
        field,
        code,
        message: messages[code],
      }));
      const actor = actorFor(request, session, organisationKey);
      const members = await db.transaction((tx) => readMembers({ actor, tx }));
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <MembersPage
          context={context}
          session={session}
          csrf={csrfToken(secret, session.idHash)}
          organisationKey={organisationKey}
          members={members}
          errors={errors}
          values={extra.values}
          notice={extra.notice}
        />,
        extra.status ?? 200,
      );
    }

    app.get<{ Params: OrganisationParams; Querystring: { melding?: string } }>(
      '/beheer/organisaties/:organisation/leden',
      routeOptions,
      async (request, reply) => {
        const session = signedInStaff(request);
        const notice = notices[request.query.melding ?? ''];
        return renderList(request, reply, session, request.params.organisation, { notice });
      },
    );

    app.post<{ Params: OrganisationParams }>(
      '/beheer/organisaties/:organisation/leden',
      routeOptions,
      async (request, reply) => {
        const session = signedInStaff(request);
        const organisationKey = request.params.organisation;
        const body = (request.body ?? {}) as Body;
        const parsed = parseInvite(body);
        if ('errors' in parsed) {
          const values = { email: text(body, 'email'), name: text(body, 'name'), role: text(body, 'role') };
          return renderList(request, reply, session, organisationKey, {
            errors: parsed.errors,
            values,
            status: 400,
          });
        }
        const actor = actorFor(request, session, organisationKey);
        await db.transaction((tx) =>
          inviteMember({ actor, tx, input: parsed.input, now: clock.now(), publicBaseUrl }),
        );
        return reply.redirect(`${listAddress(organisationKey)}?melding=uitgenodigd`, 303);
      },
    );

    app.post<{ Params: MemberParams }>(
      '/beheer/organisaties/:organisation/leden/:person/verwijderen',
      routeOptions,
      async (request, reply) => {
        const session = signedInStaff(request);
        const organisationKey = request.params.organisation;
        const personId = personIdSchema.safeParse(request.params.person);
        if (!personId.success) return reply.callNotFound();
        const actor = actorFor(request, session, organisationKey);
        const outcome = await db.transaction((tx) => removeMember({ actor, tx, personId: personId.data }));
        if (outcome === 'not_a_member') return reply.callNotFound();
        if (outcome === 'last_coordinator')
          return renderList(request, reply, session, organisationKey, {
            errors: [['leden', 'last_coordinator']],
            status: 409,
          });
        return reply.redirect(`${listAddress(organisationKey)}?melding=verwijderd`, 303);
      },
    );
  };
