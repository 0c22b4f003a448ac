import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { roles } from '../../src/identity/roles.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue } from '../support/factories.ts';
import { signedInStaffMember } from '../support/staff.ts';

for (const target of databasesUnderTest()) {
  describe(`the staff home page on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let organisation = '';
    before(async () => {
      database = await target.open();
      app = await buildTestApp(database);
      const built = buildCatalogue([{}]);
      organisation = built.organisationKey;
      await insertCatalogue(database.db, built.catalogue);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    test('every role finds its own pages there, and every link opens', async () => {
      const seen: Record<string, string[]> = {};
      for (const role of roles) {
        const organisationKey = role === 'platform_admin' ? '' : organisation;
        const staff = await signedInStaffMember(database.db, { role, organisationKey });
        const home = await app.inject({ method: 'GET', url: '/beheer', headers: { cookie: staff.cookie } });
        assert.equal(home.statusCode, 200);
        const links = [...home.body.matchAll(/<a class="utrecht-link" href="(\/beheer\/[^"]+)"/g)].map(
          (m) => m[1]!,
        );
        seen[role] = links.map((link) => link.replace(organisation, 'ORG'));
        for (const link of links) {
          const page = await app.inject({ method: 'GET', url: link, headers: { cookie: staff.cookie } });
          assert.equal(page.statusCode, 200, `${role}: ${link}`);
        }
      }
      assert.deepEqual(seen, {
        intermediary: ['/beheer/organisaties/ORG/caseload', '/beheer/organisaties/ORG/inzicht'],
        handler: [
          '/beheer/organisaties/ORG/aanvragen',
          '/beheer/organisaties/ORG/leveringen',
          '/beheer/organisaties/ORG/inzicht',
        ],
        coordinator: [
          '/beheer/organisaties/ORG/aanvragen',
          '/beheer/organisaties/ORG/leveringen',
          '/beheer/organisaties/ORG/leden',
          '/beheer/organisaties/ORG/voorzieningen',
          '/beheer/organisaties/ORG/regelingen',
          '/beheer/organisaties/ORG/goede-voorbeelden',
        ],
        policy_officer: ['/beheer/inzicht', '/beheer/organisaties/ORG/goede-voorbeelden'],
        national_analyst: ['/beheer/inzicht', '/beheer/goede-voorbeelden', '/beheer/acties'],
        privacy_officer: ['/beheer/verwerkingen'],
        researcher: ['/beheer/organisaties/ORG/inzicht', '/beheer/inzicht'],
        platform_admin: ['/beheer/acties', '/beheer/uitgaande-mail'],
      });
    });
  });
}
