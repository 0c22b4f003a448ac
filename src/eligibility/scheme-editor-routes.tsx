import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { existingMunicipalityCodes, findOrganisation } from '../catalogue/index.ts';
import { signedInStaff } from '../identity/index.ts';
import { isoDateInAmsterdam, type Clock } from '../platform/clock.ts';
import { csrfToken } from '../platform/csrf.ts';
import { isUniqueViolation, type Database } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import type { FieldError } from '../platform/validation.ts';
import { sendPage } from '../platform/views/render.ts';
import { NewSchemePage, SchemeListPage, SchemePage, schemesPath } from './scheme-editor-pages.tsx';
import { schemeFormMessages, schemeFromForm, versionFromForm, type SchemeFormFields } from './scheme-form.ts';
import {
  addSchemeVersion,
  findScheme,
  insertScheme,
  schemesOwnedBy,
  type StoredScheme,
} from './scheme-store.ts';

type Organisation = { key: string; name: string; municipality: string | null };
type Options = { db: Database; clock: Clock; secret: string };
type Params = { organisation: string; key?: string };
type Saved = { Querystring: { opgeslagen?: string } };

const access = {
  action: 'schemes.edit' as const,
  resource: (request: FastifyRequest) => ({ organisationKey: (request.params as Params).organisation }),
};
const route = { schema: { hide: true }, config: { access } };

const formFields = (body: unknown): SchemeFormFields =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );

/**
 * A coordinator keeps the eligibility rules of their organisation's schemes. Versions are only added, from
 * today on, so an outcome already given keeps the version that explains it.
 */
export const schemeEditorRoutes =
  ({ db, clock, secret }: Options): FastifyPluginAsync =>
  async (app) => {
    const today = () => isoDateInAmsterdam(clock.now());

    /** The organisation and, for a scheme's own address, its scheme — or nothing when either is not theirs. */
    async function load(
      params: Params,
    ): Promise<{ organisation: Organisation; scheme: StoredScheme | null } | null> {
      const organisation = await findOrganisation(db, params.organisation);
      if (!organisation) return null;
      if (params.key === undefined) return { organisation, scheme: null };
      const scheme = await findScheme(db, params.key);
      if (!scheme || scheme.owner !== organisation.key) return null;
      return { organisation, scheme };
    }

    const nextVersionContext = (scheme: StoredScheme) => ({
      today: today(),
      latestValidFrom: scheme.versions.at(-1)?.validFrom ?? null,
      nextVersion: Math.max(0, ...scheme.versions.map((v) => v.version)) + 1,
    });

    const showScheme = (
      request: FastifyRequest,
      reply: FastifyReply,
      view: {
        organisation: Organisation;
        scheme: StoredScheme;
        fields: SchemeFormFields;
        errors: FieldError[];
        saved: boolean;
      },
    ) => {
      const session = signedInStaff(request);
      const page = (
        <SchemePage
          context={pageContext(request, reply)}
          session={session}
          csrf={csrfToken(secret, session.idHash)}
          {...view}
        />
      );
      return sendPage(reply, page, view.errors.length > 0 ? 400 : 200);
    };

    const showNew = (
      request: FastifyRequest,
      reply: FastifyReply,
      view: { organisation: Organisation; fields: SchemeFormFields; errors: FieldError[] },
    ) => {
      const session = signedInStaff(request);
      const page = (
        <NewSchemePage
          context={pageContext(request, reply)}
          session={session}
          csrf={csrfToken(secret, session.idHash)}
          {...view}
        />
      );
      return sendPage(reply, page, view.errors.length > 0 ? 400 : 200);
    };

    app.get<{ Params: Params } & Saved>(
      '/beheer/organisaties/:organisation/regelingen',
      route,
      async (request, reply) => {
        const found = await load(request.params);
        if (!found) return reply.callNotFound();
        const session = signedInStaff(request);
        const page = (
          <SchemeListPage
            context={pageContext(request, reply)}
            session={session}
            csrf={csrfToken(secret, session.idHash)}
            organisation={found.organisation}
            schemes={await schemesOwnedBy(db, found.organisation.key)}
            today={today()}
            saved={request.query.opgeslagen === '1'}
          />
        );
        return sendPage(reply, page);
      },
    );

    app.get<{ Params: Params }>(
      '/beheer/organisaties/:organisation/regelingen/nieuw',
      route,
      async (request, reply) => {
        const found = await load(request.params);
        if (!found) return reply.callNotFound();
        const fields = { municipality: found.organisation.municipality ?? '', validFrom: today() };
        return showNew(request, reply, { organisation: found.organisation, fields, errors: [] });
      },
    );

    app.post<{ Params: Params }>(
      '/beheer/organisaties/:organisation/regelingen',
      route,
      async (request, reply) => {
        const found = await load(request.params);
        if (!found) return reply.callNotFound();
        const { locale } = pageContext(request, reply);
        const fields = formFields(request.body);
        const scheme = schemeFromForm(
          fields,
          found.organisation.key,
          await existingMunicipalityCodes(db),
          locale,
        );
        const version = versionFromForm(
          fields,
          { today: today(), latestValidFrom: null, nextVersion: 1 },
          locale,
        );
        const errors = [...(scheme.ok ? [] : scheme.errors), ...(version.ok ? [] : version.errors)];
        if (!scheme.ok || !version.ok)
          return showNew(request, reply, { organisation: found.organisation, fields, errors });
        const createdBy = signedInStaff(request).person.id;
        try {
          await db.transaction(async (tx) => {
            await insertScheme(tx, scheme.scheme, false);
            await addSchemeVersion(tx, scheme.scheme.key, version.version, createdBy);
          });
        } catch (error) {
          // Two coordinators adding at the same moment: the database's uniqueness decides, the second hears
          // that the key, version or date was just taken.
          if (!isUniqueViolation(error)) throw error;
          const taken = {
            field: 'key',
            code: 'scheme_key_taken',
            message: schemeFormMessages[locale].keyTaken,
          };
          return showNew(request, reply, { organisation: found.organisation, fields, errors: [taken] });
        }
        return reply.redirect(`${schemesPath(found.organisation.key)}?opgeslagen=1`, 303);
      },
    );

    app.get<{ Params: Params } & Saved>(
      '/beheer/organisaties/:organisation/regelingen/:key',
      route,
      async (request, reply) => {
        const found = await load(request.params);
        if (!found?.scheme) return reply.callNotFound();
        const fields = { validFrom: today(), incomeTest: '', assetTest: '' };
        return showScheme(request, reply, {
          organisation: found.organisation,
          scheme: found.scheme,
          fields,
          errors: [],
          saved: request.query.opgeslagen === '1',
        });
      },
    );

    app.post<{ Params: Params }>(
      '/beheer/organisaties/:organisation/regelingen/:key/versies',
      route,
      async (request, reply) => {
        const found = await load(request.params);
        if (!found?.scheme) return reply.callNotFound();
        const { scheme, organisation } = found;
        const { locale } = pageContext(request, reply);
        const fields = formFields(request.body);
        const version = versionFromForm(fields, nextVersionContext(scheme), locale);
        if (!version.ok)
          return showScheme(request, reply, {
            organisation,
            scheme,
            fields,
            errors: version.errors,
            saved: false,
          });
        try {
          await db.transaction((tx) =>
            addSchemeVersion(tx, scheme.key, version.version, signedInStaff(request).person.id),
          );
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          // Someone else added a version meanwhile: show the scheme as it is now, with the rule that applies.
          const current = (await findScheme(db, scheme.key))!;
          const again = versionFromForm(fields, nextVersionContext(current), locale);
          const conflict = {
            field: 'validFrom',
            code: 'scheme_version_conflict',
            message: schemeFormMessages[locale].versionConflict,
          };
          const errors = again.ok ? [conflict] : again.errors;
          return showScheme(request, reply, { organisation, scheme: current, fields, errors, saved: false });
        }
        return reply.redirect(
          `${schemesPath(organisation.key)}/${encodeURIComponent(scheme.key)}?opgeslagen=1`,
          303,
        );
      },
    );
  };
