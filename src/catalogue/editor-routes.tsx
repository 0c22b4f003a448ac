import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInStaff, type ActiveSession } from '../identity/index.ts';
import { csrfToken } from '../platform/csrf.ts';
import type { Clock } from '../platform/clock.ts';
import { isoDateInAmsterdam } from '../platform/clock.ts';
import type { Database, Queryable } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import type { FieldError } from '../platform/validation.ts';
import { sendPage } from '../platform/views/render.ts';
import { EditorFormPage, EditorListPage } from './editor-pages.tsx';
import { importCatalogue } from './import-catalogue.ts';
import { entryFromForm, formFromProvision, type ProvisionFormFields } from './provision-form.ts';
import {
  existingMunicipalityCodes,
  existingOrganisationKeys,
  findOrganisation,
  findProvision,
  listOrganisations,
  provisionsOwnedBy,
} from './store.ts';
import { validateCatalogue } from './validate-catalogue.ts';

type Options = {
  db: Database;
  clock: Clock;
  secret: string;
  /** The schemes a provision may name; they belong to eligibility, which this module does not import. */
  schemeKeys: (db: Queryable) => Promise<readonly string[]>;
};
type Params = { organisation: string; key?: string };

// The report names the entry's path; the form has one field for some of those paths.
function formField(path: string): string {
  if (path.startsWith('offeredIn')) return 'offeredIn.codes';
  if (path === 'amount.cents') return 'amount.euros';
  return path;
}

const access = {
  action: 'catalogue.edit' as const,
  resource: (request: FastifyRequest) => ({ organisationKey: (request.params as Params).organisation }),
};

const textFields = (body: unknown): ProvisionFormFields =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );

/** A coordinator keeps their organisation's provisions up to date, with the same checks as a catalogue file. */
export const catalogueEditorRoutes =
  ({ db, clock, secret, schemeKeys }: Options): FastifyPluginAsync =>
  async (app) => {
    const base = (organisation: string) =>
      `/beheer/organisaties/${encodeURIComponent(organisation)}/voorzieningen`;

    async function renderForm(
      request: FastifyRequest,
      reply: FastifyReply,
      session: ActiveSession,
      view: {
        organisation: { key: string; name: string };
        provisionKey: string | null;
        fields: ProvisionFormFields;
        errors: FieldError[];
      },
    ) {
      const page = (
        <EditorFormPage
          context={pageContext(request, reply)}
          session={session}
          csrf={csrfToken(secret, session.idHash)}
          organisations={await listOrganisations(db)}
          schemeKeys={await schemeKeys(db)}
          {...view}
        />
      );
      return sendPage(reply, page, view.errors.length > 0 ? 400 : 200);
    }

    /** Validates and saves one provision in one transaction; returns the errors by form field, or none. */
    async function save(
      organisation: string,
      key: string,
      fields: ProvisionFormFields,
      isNew: boolean,
      locale: 'nl' | 'en',
    ) {
      const entry = entryFromForm(fields, key, organisation);
      return db.transaction(async (tx) => {
        const existing = await findProvision(tx, key);
        if (isNew && existing) {
          const message =
            locale === 'nl'
              ? 'Deze sleutel bestaat al. Kies een andere.'
              : 'This key already exists. Choose another.';
          return [{ field: 'key', code: 'catalogue_duplicate_key', message }];
        }
        const references = [entry.fundedBy, entry.handledBy, organisation].filter(
          (k): k is string => typeof k === 'string',
        );
        const validation = validateCatalogue(
          { example: existing?.isExample ?? false, provisions: [entry] },
          {
            organisationKeys: await existingOrganisationKeys(tx, references),
            municipalityCodes: await existingMunicipalityCodes(tx),
            today: isoDateInAmsterdam(clock.now()),
            schemeKeys: new Set(await schemeKeys(tx)),
          },
          locale,
        );
        if (!validation.ok) {
          return validation.errors
            .filter((e) => e.field !== '' || e.entry === 'file')
            .map((e) => ({ field: formField(e.field), code: e.code, message: e.message }));
        }
        await importCatalogue({ tx, catalogue: validation.catalogue });
        return [];
      });
    }

    app.get<{ Params: Params; Querystring: { opgeslagen?: string } }>(
      '/beheer/organisaties/:organisation/voorzieningen',
      { schema: { hide: true }, config: { access } },
      async (request, reply) => {
        const session = signedInStaff(request);
        const organisation = await findOrganisation(db, request.params.organisation);
        if (!organisation) return reply.callNotFound();
        const page = (
          <EditorListPage
            context={pageContext(request, reply)}
            session={session}
            csrf={csrfToken(secret, session.idHash)}
            organisation={organisation}
            provisions={await provisionsOwnedBy(db, organisation.key)}
            saved={request.query.opgeslagen === '1'}
          />
        );
        return sendPage(reply, page);
      },
    );

    app.get<{ Params: Params }>(
      '/beheer/organisaties/:organisation/voorzieningen/nieuw',
      { schema: { hide: true }, config: { access } },
      async (request, reply) => {
        const organisation = await findOrganisation(db, request.params.organisation);
        if (!organisation) return reply.callNotFound();
        const fields = {
          fundedBy: organisation.key,
          handledBy: organisation.key,
          'offeredIn.where': 'municipalities',
          lastChecked: isoDateInAmsterdam(clock.now()),
        };
        return renderForm(request, reply, signedInStaff(request), {
          organisation,
          provisionKey: null,
          fields,
          errors: [],
        });
      },
    );

    app.get<{ Params: Params }>(
      '/beheer/organisaties/:organisation/voorzieningen/:key/bewerken',
      { schema: { hide: true }, config: { access } },
      async (request, reply) => {
        const organisation = await findOrganisation(db, request.params.organisation);
        const provision = await findProvision(db, request.params.key ?? '');
        if (!organisation || !provision || provision.owner.key !== organisation.key)
          return reply.callNotFound();
        return renderForm(request, reply, signedInStaff(request), {
          organisation,
          provisionKey: provision.key,
          fields: formFromProvision(provision),
          errors: [],
        });
      },
    );

    const submit = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
      const session = signedInStaff(request);
      const organisation = await findOrganisation(db, request.params.organisation);
      if (!organisation) return reply.callNotFound();
      const fields = textFields(request.body);
      const isNew = request.params.key === undefined;
      const key = isNew ? (fields.key ?? '').trim() : request.params.key!;
      if (!isNew) {
        const current = await findProvision(db, key);
        if (!current || current.owner.key !== organisation.key) return reply.callNotFound();
      }
      const { locale } = pageContext(request, reply);
      const errors = await save(organisation.key, key, fields, isNew, locale);
      if (errors.length > 0)
        return renderForm(request, reply, session, {
          organisation,
          provisionKey: isNew ? null : key,
          fields,
          errors,
        });
      return reply.redirect(`${base(organisation.key)}?opgeslagen=1`, 303);
    };

    app.post<{ Params: Params }>(
      '/beheer/organisaties/:organisation/voorzieningen',
      { schema: { hide: true }, config: { access } },
      submit,
    );
    app.post<{ Params: Params }>(
      '/beheer/organisaties/:organisation/voorzieningen/:key',
      { schema: { hide: true }, config: { access } },
      submit,
    );
  };
