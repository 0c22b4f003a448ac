import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { childKeyFor } from '../../src/applications/index.ts';
import { submitApplication } from '../../src/applications/submit.ts';
import { isoDateInAmsterdam } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db.ts';
import { createPseudonymiser } from '../../src/platform/processing-log/index.ts';
import { buildCatalogue, insertCatalogue, uniqueKey } from './factories.ts';
import { signedInStaffMember } from './staff.ts';

const secret = loadConfig({ NODE_ENV: 'test' }).secret;

/**
 * A family's application for one sport provision in a municipality, granted and delivered by its handler
 * through the staff pages: what the children's questionnaire starts from. Returns the family's tracking
 * token and the delivered item.
 */
export async function deliveredItem(
  db: Database,
  app: FastifyInstance,
  municipalityCode = 'GM0344',
): Promise<{ token: string; itemId: string }> {
  const built = buildCatalogue([{ offeredIn: [municipalityCode], amount: undefined }]);
  await insertCatalogue(db, built.catalogue);
  const organisation = built.organisationKey;
  const handler = await signedInStaffMember(db, { role: 'handler', organisationKey: organisation });
  const today = isoDateInAmsterdam(new Date());
  const keyed = childKeyFor(
    secret,
    { firstName: 'Kind', birthDate: '2015-03-28', postcode: '3511AB', houseNumber: uniqueKey('1') },
    today,
  );
  assert.ok(keyed.ok);
  const submitted = await submitApplication(
    {
      submissionKey: uniqueKey('vragenlijst'),
      channel: 'family',
      intermediary: null,
      municipalityCode,
      postcode: '3511AB',
      houseNumber: '1',
      householdType: 'single_parent',
      incomeSource: 'bijstand',
      netIncomeCents: 125_000,
      intermediaryVouches: false,
      contactEmail: null,
      contactPhone: '0612345678',
      locale: 'nl',
      consent: { text: 'Ik geef toestemming.', by: 'parent' },
      children: [
        {
          firstName: 'Kind',
          birthDate: '2015-03-28',
          childKey: keyed.key,
          provisions: [{ key: built.provisionKeys[0]!, handledBy: organisation, eligibility: {} }],
        },
      ],
    },
    {
      db,
      clock: { now: () => new Date() },
      secret,
      pseudonymiser: createPseudonymiser(secret),
      actor: { personId: null, role: 'family', organisation: null },
      traceId: '0af7651916cd43dd8448eb211c80319c',
      confirmation: () => ({ subject: 'Ontvangen', body: 'Ontvangen' }),
    },
  );
  const queue = await app.inject({
    method: 'GET',
    url: `/beheer/organisaties/${organisation}/aanvragen`,
    headers: { cookie: handler.cookie },
  });
  const itemId = new RegExp(`/beheer/organisaties/${organisation}/aanvragen/([0-9a-f-]{36})`).exec(
    queue.body,
  )?.[1];
  assert.ok(itemId, 'the handler sees the item');
  const post = (action: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: `/beheer/organisaties/${organisation}/aanvragen/${itemId}/${action}`,
      headers: { cookie: handler.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: handler.csrf, ...fields }).toString(),
    });
  assert.equal((await post('besluit', { decision: 'granted', status: 'submitted' })).statusCode, 303);
  const delivered = await post('levering', {
    status: 'granted',
    deliveredOn: today,
    description: 'Contributie sportclub',
    value: '150',
  });
  assert.equal(delivered.statusCode, 303, delivered.body.slice(0, 300));
  return { token: submitted.trackingToken, itemId };
}
