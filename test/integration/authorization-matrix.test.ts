import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { applicationItems } from '../../src/applications/schema.ts';
import { submitApplication } from '../../src/applications/submit.ts';
import { startImportRun } from '../../src/deliveries/index.ts';
import { addSchemeVersion, insertScheme } from '../../src/eligibility/scheme-store.ts';
import { readActionsFile, seedActions } from '../../src/actions/index.ts';
import { insertPractice, movePractice } from '../../src/practices/store.ts';
import { roles, type Role } from '../../src/identity/roles.ts';
import { completeSecondFactor, resumeSession, startSession } from '../../src/identity/sessions.ts';
import { createPerson } from '../../src/identity/store.ts';
import { csrfToken } from '../../src/platform/csrf.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { createPseudonymiser } from '../../src/platform/processing-log/index.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue, uniqueKey } from '../support/factories.ts';

// Every route of the app × every actor: nobody, a half-signed-in person (password only), and each role in
// its own organisation and in another one. Which actions each role may take is written here again, on its
// own, so a mistake in the policy shows up as an unexpected allow or deny.
const expected: Record<string, { roles: readonly Role[]; ownOrganisationOnly: boolean }> = {
  'staff.home': { roles, ownOrganisationOnly: false },
  'mail.outbox.read': { roles: ['platform_admin'], ownOrganisationOnly: false },
  'catalogue.edit': { roles: ['coordinator'], ownOrganisationOnly: true },
  'schemes.edit': { roles: ['coordinator'], ownOrganisationOnly: true },
  'members.manage': { roles: ['coordinator'], ownOrganisationOnly: true },
  'processing_log.search': { roles: ['privacy_officer'], ownOrganisationOnly: false },
  'applications.apply': { roles: ['intermediary'], ownOrganisationOnly: true },
  'applications.handle': { roles: ['handler', 'coordinator'], ownOrganisationOnly: true },
  'insight.record': { roles: ['researcher', 'intermediary', 'handler'], ownOrganisationOnly: true },
  'insight.read': { roles: ['researcher', 'policy_officer', 'national_analyst'], ownOrganisationOnly: false },
  'practices.submit': { roles: ['coordinator', 'policy_officer'], ownOrganisationOnly: true },
  'practices.review': { roles: ['national_analyst'], ownOrganisationOnly: false },
  'practices.react': {
    roles: ['intermediary', 'handler', 'coordinator', 'policy_officer', 'national_analyst', 'researcher'],
    ownOrganisationOnly: false,
  },
  'actions.edit': { roles: ['national_analyst', 'platform_admin'], ownOrganisationOnly: false },
  'deliveries.import': { roles: ['coordinator', 'handler'], ownOrganisationOnly: true },
};

// The organisation every actor's "own" membership is in; routes about an organisation are asked about it.
const organisation = uniqueKey('eigen-org');
const ownProvision = uniqueKey('matrix-provision');
const ownScheme = uniqueKey('matrix-scheme');

// Example addresses for routes with parameters; every actor gets the same one.
const examples: Record<string, string> = {
  '/api/v1/problems/:code': '/api/v1/problems/postcode-malformed',
  '/api/v1/municipalities/:code': '/api/v1/municipalities/GM0344',
  '/bereik/:municipality': '/bereik/GM0344',
  '/bereik/:municipality/download': '/bereik/GM0344/download?tabel=groepen&formaat=csv',
  '/api/v1/provisions/:id': '/api/v1/provisions/does-not-exist',
  '/voorzieningen/:id': '/voorzieningen/does-not-exist',
  '/check/:step': '/check/woonplaats',
  '/uitnodiging/:token': '/uitnodiging/not-a-real-invitation',
  '/wachtwoord-herstellen/:token': '/wachtwoord-herstellen/not-a-real-link',
  '/api/docs/static/*': '/api/docs/static/index.html',
  '/aanvragen/:step': '/aanvragen/woonplaats',
  '/volgen/:token': '/volgen/not-a-real-tracking-link',
  '/volgen/:token/antwoord': '/volgen/not-a-real-tracking-link/antwoord',
  '/volgen/:token/intrekken': '/volgen/not-a-real-tracking-link/intrekken',
};
for (const path of [
  '/beheer/organisaties/:organisation/voorzieningen',
  '/beheer/organisaties/:organisation/voorzieningen/nieuw',
  '/beheer/organisaties/:organisation/voorzieningen/:key/bewerken',
  '/beheer/organisaties/:organisation/voorzieningen/:key',
  '/beheer/organisaties/:organisation/leden',
]) {
  examples[path] = path.replace(':organisation', organisation).replace(':key', ownProvision);
}
for (const path of [
  '/beheer/organisaties/:organisation/regelingen',
  '/beheer/organisaties/:organisation/regelingen/nieuw',
  '/beheer/organisaties/:organisation/regelingen/:key',
  '/beheer/organisaties/:organisation/regelingen/:key/versies',
]) {
  examples[path] = path.replace(':organisation', organisation).replace(':key', ownScheme);
}
const caseload = `/beheer/organisaties/${organisation}/caseload`;
examples['/beheer/organisaties/:organisation/caseload'] = caseload;
examples['/beheer/organisaties/:organisation/aanvragen'] = `/beheer/organisaties/${organisation}/aanvragen`;
examples['/beheer/organisaties/:organisation/leveringen'] = `/beheer/organisaties/${organisation}/leveringen`;
examples['/beheer/organisaties/:organisation/caseload/aanvragen'] = `${caseload}/aanvragen`;
examples['/beheer/organisaties/:organisation/inzicht'] = `/beheer/organisaties/${organisation}/inzicht`;
examples['/beheer/acties/:key'] = '/beheer/acties/2019-a1-01';
examples['/acties/:key'] = '/acties/2019-a1-01';
examples['/api/v1/actions/:key'] = '/api/v1/actions/2019-a1-01';
for (const path of ['', '/nieuw'])
  examples[`/beheer/organisaties/:organisation/goede-voorbeelden${path}`] =
    `/beheer/organisaties/${organisation}/goede-voorbeelden${path}`;

/** A published practice of the own organisation, so its submit, review and reaction pages open. */
async function ownPractice(db: DatabaseHandle['db']) {
  await db.transaction(async (tx) => {
    await seedActions(tx, await readActionsFile());
    const id = await insertPractice(tx, {
      organisationKey: organisation,
      submittedBy: null,
      practice: {
        title: 'Matrixvoorbeeld',
        summary: 'Een voorbeeld voor de autorisatiematrix.',
        problem: 'Probleem',
        approach: 'Aanpak',
        ambitions: [4],
        lifeDomains: ['leisure'],
        targetGroup: 'Kinderen',
        results: 'Resultaten',
        evidence: 'none',
        costs: 'Geen',
        contact: 'info@example.org',
        documents: [],
      },
    });
    const by = null;
    await movePractice(tx, { id, from: 'submitted', to: 'reviewed', comment: null, by });
    await movePractice(tx, { id, from: 'reviewed', to: 'published', comment: null, by });
    examples['/beheer/organisaties/:organisation/goede-voorbeelden/:id'] =
      `/beheer/organisaties/${organisation}/goede-voorbeelden/${id}`;
    examples['/beheer/goede-voorbeelden/:id'] = `/beheer/goede-voorbeelden/${id}`;
    examples['/goede-voorbeelden/:id'] = `/goede-voorbeelden/${id}`;
    examples['/goede-voorbeelden/:id/ook-geprobeerd'] = `/goede-voorbeelden/${id}/ook-geprobeerd`;
    examples['/api/v1/practices/:id'] = `/api/v1/practices/${id}`;
  });
}
// A draft nobody has: its owner would be sent to the caseload, so "allowed" is a redirect, not a 404.
examples['/beheer/organisaties/:organisation/caseload/concepten/:draft/:step'] =
  `${caseload}/concepten/00000000-0000-4000-8000-000000000000/gezin`;

/** The own intermediary's application, so their caseload pages about it open (anyone else's are 404). */
async function intermediaryApplication(db: DatabaseHandle['db'], personId: string) {
  const submitted = await submitApplication(
    {
      submissionKey: uniqueKey('matrix'),
      channel: 'intermediary',
      intermediary: { personId, organisationKey: organisation },
      municipalityCode: 'GM0037',
      postcode: '9501AA',
      houseNumber: '1',
      householdType: 'single_parent',
      incomeSource: 'bijstand',
      netIncomeCents: null,
      intermediaryVouches: true,
      contactEmail: null,
      contactPhone: null,
      locale: 'nl',
      consent: { text: 'Test', by: 'family_via_intermediary' },
      children: [
        {
          firstName: 'Kind',
          birthDate: '2015-01-01',
          childKey: `ck1_${'0'.repeat(64)}`,
          provisions: [{ key: ownProvision, handledBy: organisation, eligibility: {} }],
        },
      ],
    },
    {
      db,
      clock: { now: () => new Date() },
      secret,
      pseudonymiser: createPseudonymiser(secret),
      actor: { personId, role: 'intermediary', organisation },
      traceId: '0af7651916cd43dd8448eb211c80319c',
      confirmation: () => ({ subject: '', body: '' }),
    },
  );
  const [item] = await db
    .select({ id: applicationItems.id })
    .from(applicationItems)
    .where(eq(applicationItems.applicationId, submitted.id));
  const detail = `${caseload}/aanvragen/${submitted.id}`;
  examples['/beheer/organisaties/:organisation/caseload/aanvragen/:application'] = detail;
  for (const action of ['antwoord', 'intrekken', 'deelname'])
    examples[
      `/beheer/organisaties/:organisation/caseload/aanvragen/:application/onderdelen/:item/${action}`
    ] = `${detail}/onderdelen/${item!.id}/${action}`;
  // The same item is handled by the own organisation: its handling pages open for its handlers.
  const handled = `/beheer/organisaties/${organisation}/aanvragen/${item!.id}`;
  examples['/beheer/organisaties/:organisation/aanvragen/:item'] = handled;
  for (const action of ['besluit', 'levering'])
    examples[`/beheer/organisaties/:organisation/aanvragen/:item/${action}`] = `${handled}/${action}`;
}

type Actor = {
  label: string;
  cookie: string | null;
  idHash: string | null;
  role: Role | null;
  full: boolean;
  own: boolean;
};

const secret = loadConfig({ NODE_ENV: 'test' }).secret;
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

for (const target of databasesUnderTest()) {
  describe(`authorization matrix on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const actors: Actor[] = [
      { label: 'anonymous', cookie: null, idHash: null, role: null, full: false, own: false },
    ];

    before(async () => {
      database = await target.open();
      // With a (dead) OpenID Connect provider, so the citizen sign-in routes are in the table too.
      app = await buildTestApp(database, {
        env: {
          OIDC_ISSUER: 'http://127.0.0.1:9/',
          OIDC_CLIENT_ID: 'matrix',
          OIDC_CLIENT_SECRET: 'matrix-secret',
          OIDC_ALLOW_HTTP: 'true',
        },
      });
      await app.ready();
      const { catalogue } = buildCatalogue([{ key: ownProvision }]);
      catalogue.organisations = [{ key: organisation, name: 'Eigen organisatie', kind: 'other' }];
      catalogue.provisions = catalogue.provisions.map((p) => ({
        ...p,
        owner: organisation,
        fundedBy: organisation,
        handledBy: organisation,
      }));
      await insertCatalogue(database.db, catalogue);
      await ownPractice(database.db);
      // An import run of the own organisation, so its report and correction file open for its members.
      const runId = await database.db.transaction((tx) =>
        startImportRun(tx, {
          provider: organisation,
          fileName: 'leveringen.csv',
          bytesTotal: 0,
          startedBy: null,
          actor: { personId: null, role: 'operator', organisation },
          traceId: '0af7651916cd43dd8448eb211c80319c',
        }),
      );
      const run = `/beheer/organisaties/${organisation}/leveringen/${runId}`;
      examples['/beheer/organisaties/:organisation/leveringen/:run'] = run;
      examples['/beheer/organisaties/:organisation/leveringen/:run/correctie.csv'] = `${run}/correctie.csv`;
      await database.db.transaction(async (tx) => {
        const name = { nl: 'Eigen regeling', en: 'Own scheme' };
        await insertScheme(tx, { key: ownScheme, name, municipality: null, owner: organisation }, false);
        const rules = { kind: 'none' as const };
        const version = {
          version: 1,
          validFrom: '2024-01-01',
          incomeTest: rules,
          assetTest: false,
          source: 'Test',
        };
        await addSchemeVersion(tx, ownScheme, version, null);
      });
      const now = new Date();
      const half = await createPerson(database.db, {
        email: `${uniqueKey('half')}@example.org`,
        displayName: 'Half',
        memberships: [{ organisationKey: organisation, role: 'platform_admin' }],
      });
      const halfToken = await startSession(database.db, half.id, now);
      // Removing a member needs someone who is one: a colleague in the own organisation, never an actor.
      const colleague = await createPerson(database.db, {
        email: `${uniqueKey('collega')}@example.org`,
        displayName: 'Collega',
        memberships: [{ organisationKey: organisation, role: 'handler' }],
      });
      examples['/beheer/organisaties/:organisation/leden/:person/verwijderen'] =
        `/beheer/organisaties/${organisation}/leden/${colleague.id}/verwijderen`;
      actors.push({
        label: 'password only',
        cookie: halfToken,
        idHash: hashOf(halfToken),
        role: null,
        full: false,
        own: true,
      });
      for (const role of roles) {
        for (const place of ['own', 'other'] as const) {
          const person = await createPerson(database.db, {
            email: `${uniqueKey(role)}@example.org`,
            displayName: role,
            memberships: [
              {
                organisationKey:
                  role === 'platform_admin' ? '' : place === 'own' ? organisation : uniqueKey('ander'),
                role,
              },
            ],
          });
          if (role === 'intermediary' && place === 'own')
            await intermediaryApplication(database.db, person.id);
          const started = await resumeSession(
            database.db,
            await startSession(database.db, person.id, now),
            now,
          );
          const token = await completeSecondFactor(database.db, started!, now);
          actors.push({
            label: `${role} (${place} organisation)`,
            cookie: token,
            idHash: hashOf(token),
            role,
            full: true,
            own: place === 'own',
          });
        }
      }
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    function request(method: string, url: string, actor: Actor) {
      const cookie = actor.cookie ? { cookie: `meedoen_sessie=${actor.cookie}` } : {};
      if (method === 'GET') return app.inject({ method: 'GET', url, headers: cookie });
      const fields = new URLSearchParams(actor.idHash ? { _csrf: csrfToken(secret, actor.idHash) } : {});
      return app.inject({
        method: 'POST',
        url,
        headers: { ...cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: fields.toString(),
      });
    }

    test('every route has an access rule, and every actor gets what that rule says', async (t) => {
      // Signing out ends the actors' sessions, so those routes come last.
      const signsOut = (url: string) => url.startsWith('/uitloggen');
      const table = [...app.routeTable].sort((a, b) => Number(signsOut(a.url)) - Number(signsOut(b.url)));
      const unruled = table.filter((route) => route.access === undefined).map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(unruled, [], 'routes without an access rule');

      const unexpected: string[] = [];
      let cases = 0;
      for (const route of table) {
        const url = examples[route.url] ?? route.url;
        const anonymous = await request(route.method, url, actors[0]!);
        for (const actor of actors) {
          cases += 1;
          const response = actor === actors[0] ? anonymous : await request(route.method, url, actor);
          const access = route.access!;
          const where = `${route.method} ${route.url} as ${actor.label}: ${response.statusCode} ${response.headers.location ?? ''}`;
          if (access === 'public') {
            // The same for everyone: being signed in neither opens nor closes a public route.
            if (response.statusCode !== anonymous.statusCode)
              unexpected.push(`${where} (anonymous got ${anonymous.statusCode})`);
          } else if (access === 'signing-in') {
            if (response.statusCode === 404) unexpected.push(`${where} (signing in must never be hidden)`);
          } else {
            const rule = expected[access.action];
            assert.ok(rule, `the matrix test knows action ${access.action}`);
            const allowed =
              actor.full &&
              actor.role !== null &&
              rule.roles.includes(actor.role) &&
              (!rule.ownOrganisationOnly || actor.own);
            const signInFirst = !actor.cookie ? '/inloggen' : !actor.full ? '/inloggen/code' : null;
            if (signInFirst) {
              if (response.headers.location !== signInFirst)
                unexpected.push(`${where} (expected to be sent to ${signInFirst})`);
            } else if (allowed) {
              if (response.statusCode === 404 || response.statusCode === 401)
                unexpected.push(`${where} (expected allowed)`);
            } else if (response.statusCode !== 404) {
              unexpected.push(`${where} (expected denied as not found)`);
            }
          }
        }
      }
      assert.deepEqual(unexpected, []);
      assert.ok(cases >= 500, `${cases} cases`);
      t.diagnostic(`${table.length} routes × ${actors.length} actors = ${cases} cases`);
    });
  });
}
