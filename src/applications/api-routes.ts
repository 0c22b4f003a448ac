import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isoDateInAmsterdam } from '../platform/clock.ts';
import { apiLocale } from '../platform/i18n.ts';
import { createPseudonymiser } from '../platform/processing-log/index.ts';
import { platformProblems, ProblemError } from '../platform/problems.ts';
import { traceIdFor } from '../platform/trace.ts';
import {
  apiSubmissionKey,
  findBySubmissionKey,
  requestFingerprint,
  type StoredApplication,
} from './api-idempotency.ts';
import {
  APPLICATION_BODY_LIMIT,
  applicationApiProblems,
  applicationCreatedSchema,
  applicationRequestSchema,
  IDEMPOTENCY_KEY,
  idempotencyHeaderSchema,
  type ApplicationCreated,
  type ApplicationRequest,
} from './api-schema.ts';
import { prepareApiSubmission, type ApiItem } from './api-submission.ts';
import { familyConfirmationMail } from './family-mail.ts';
import type { ApplicationOptions } from './options.ts';
import { submitApplication } from './submit.ts';
import { trackingToken } from './tokens.ts';

const description = [
  'Sends an application for one or more children, each for one or more provisions, as a family does on /aanvragen: every provision must be offered in the municipality and be eligible or undecided for the child (see /api/v1/eligibility/check). Each provision goes to its own handling organisation. The answer holds the short code, the tracking link (a secret: give it only to the family) and one item per child and provision; nothing else about the family is repeated. A confirmation e-mail goes to the contact address.',
  '',
  '**Idempotency-Key is required** (8–200 visible ASCII characters; use a new UUID per application). Sending the same key with the same body again, also ten times at once or after a lost answer, stores one application and answers each time with 201 and the same code and tracking link (items with their current status). The same key with a different body is refused with 422 `idempotency-key-reused` and changes nothing. "The same body" means the same stored answers: the order of a child\'s provisions, postcode spacing and e-mail case do not count, and neither do `ageGroup` and `assets`, which only shape the eligibility snapshot and are not kept.',
].join('\n');

/** The public API for applying without an account: POST /api/v1/applications. */
export const applicationApiRoutes =
  (options: ApplicationOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, clock, secret, childKeySecret, parameters, publicBaseUrl } = options;
    const pseudonymiser = createPseudonymiser(secret);
    const trackingUrl = (applicationId: string) =>
      `${publicBaseUrl}/volgen/${trackingToken(secret, applicationId)}`;

    function created(
      reply: FastifyReply,
      stored: { id: string; reference: string; items: ApiItem[] },
    ): ApplicationCreated {
      const url = trackingUrl(stored.id);
      reply.status(201).header('location', url).header('cache-control', 'no-store');
      return { data: { reference: stored.reference, trackingUrl: url, items: stored.items } };
    }

    /** A key used before: the first application again, or nothing at all when the body differs. */
    function again(reply: FastifyReply, stored: StoredApplication, body: ApplicationRequest) {
      if (stored.fingerprint !== requestFingerprint(body))
        throw new ProblemError(applicationApiProblems.idempotencyKeyReused, {
          nl: 'Met deze Idempotency-Key is al een andere aanvraag verstuurd. Er is niets veranderd. Gebruik een nieuwe sleutel voor een nieuwe aanvraag.',
          en: 'Another application was already sent with this Idempotency-Key. Nothing changed. Use a new key for a new application.',
        });
      return created(reply, stored);
    }

    app.post(
      '/api/v1/applications',
      {
        bodyLimit: APPLICATION_BODY_LIMIT,
        schema: {
          tags: ['applications'],
          summary: 'Apply for provisions for one or more children',
          description,
          headers: idempotencyHeaderSchema,
          body: applicationRequestSchema,
          response: { 201: applicationCreatedSchema },
        },
        // Before the body's validation: without a usable key nothing else about the request matters.
        preValidation: async (request) => {
          const key = request.headers['idempotency-key'];
          if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))
            throw new ProblemError(applicationApiProblems.idempotencyKeyRequired, {
              nl: 'Stuur een Idempotency-Key mee: 8 tot 200 zichtbare ASCII-tekens, bijvoorbeeld een UUID. Gebruik dezelfde sleutel als je dezelfde aanvraag opnieuw stuurt.',
              en: 'Send an Idempotency-Key header: 8 to 200 visible ASCII characters, for example a UUID. Use the same key when you send the same application again.',
            });
        },
      },
      async (request, reply) => {
        const locale = apiLocale(request.headers['accept-language']);
        const submissionKey = apiSubmissionKey(request.headers['idempotency-key']);
        // The key is looked up while the request is checked (one round trip less for a new application); a
        // retry is answered from what was stored, whatever the checks say now: the catalogue may have changed.
        const [earlier, prepared] = await Promise.all([
          findBySubmissionKey(db, submissionKey),
          prepareApiSubmission(db, parameters, request.body, {
            submissionKey,
            childKeySecret,
            today: isoDateInAmsterdam(clock.now()),
            locale,
          }),
        ]);
        if (earlier) return again(reply, earlier, request.body);
        if (!prepared.ok)
          throw new ProblemError(
            platformProblems.validationFailed,
            {
              nl: 'De aanvraag klopt niet. Er is niets opgeslagen.',
              en: 'The application is not valid. Nothing was stored.',
            },
            prepared.errors,
          );
        const submitted = await submitApplication(prepared.submission, {
          db,
          clock,
          secret,
          pseudonymiser,
          actor: { personId: null, role: 'family', organisation: null },
          traceId: traceIdFor(request.headers),
          confirmation: ({ reference, trackingToken: token, locale: mailLocale }) =>
            familyConfirmationMail({
              locale: mailLocale,
              reference,
              trackingUrl: `${publicBaseUrl}/volgen/${token}`,
            }),
        });
        if (submitted.created)
          return created(reply, { id: submitted.id, reference: submitted.reference, items: prepared.items });
        // Another request with this key committed first (they ran at the same time): compare with that one.
        const winner = await findBySubmissionKey(db, submissionKey);
        if (!winner) throw new Error('a submission key without its application');
        return again(reply, winner, request.body);
      },
    );
  };
