import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isoDateInAmsterdam } from '../platform/clock.ts';
import { apiLocale } from '../platform/i18n.ts';
import { createPseudonymiser } from '../platform/processing-log/index.ts';
import { platformProblems, ProblemError } from '../platform/problems.ts';
import { createReferenceCache } from '../platform/reference-changes/index.ts';
import { traceIdFor, type TraceId } from '../platform/trace.ts';
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
import { prepareApiSubmission, type ApiItem, type SubmissionInput } from './api-submission.ts';
import { familyConfirmationMail } from './family-mail.ts';
import type { ApplicationOptions } from './options.ts';
import { ReferenceChangedError, submitApplication } from './submit.ts';
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
    const referenceCache = createReferenceCache(db);
    const trackingUrl = (token: string) => `${publicBaseUrl}/volgen/${token}`;

    function created(
      reply: FastifyReply,
      stored: { id: string; reference: string; items: ApiItem[]; trackingToken?: string },
    ): ApplicationCreated {
      // A fresh application brings its token; one read back is given its token again.
      const url = trackingUrl(stored.trackingToken ?? trackingToken(secret, stored.id));
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

    /**
     * Checks the request against the catalogue in memory and stores it. When the catalogue changed meanwhile
     * (storing says so), or before refusing, it is checked again against what the database holds now.
     */
    async function checkAndStore(body: ApplicationRequest, input: SubmissionInput, traceId: TraceId) {
      let refreshed = false;
      for (let attempt = 0; ; attempt++) {
        const reference = await referenceCache.snapshot();
        const prepared = await prepareApiSubmission(db, reference, parameters, body, input);
        if (!prepared.ok) {
          if (!refreshed && (await referenceCache.refresh())) {
            refreshed = true;
            continue;
          }
          return prepared;
        }
        try {
          const submitted = await submitApplication(prepared.submission, {
            db,
            clock,
            secret,
            pseudonymiser,
            actor: { personId: null, role: 'family', organisation: null },
            traceId,
            referenceGeneration: reference.generation,
            confirmation: ({ reference: code, trackingToken: token, locale }) =>
              familyConfirmationMail({
                locale,
                reference: code,
                trackingUrl: trackingUrl(token),
              }),
          });
          return { ok: true as const, submitted, items: prepared.items };
        } catch (error) {
          if (!(error instanceof ReferenceChangedError) || attempt >= 3) throw error;
          refreshed = await referenceCache.refresh();
        }
      }
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
        const outcome = await checkAndStore(
          request.body,
          {
            submissionKey,
            childKeySecret,
            today: isoDateInAmsterdam(clock.now()),
            locale,
          },
          traceIdFor(request.headers),
        );
        if (!outcome.ok) {
          // A retry is answered from what was stored, whatever the checks say now: the catalogue may have
          // changed since. The key is looked up only here and when storing finds it taken.
          const earlier = await findBySubmissionKey(db, submissionKey);
          if (earlier) return again(reply, earlier, request.body);
          throw new ProblemError(
            platformProblems.validationFailed,
            {
              nl: 'De aanvraag klopt niet. Er is niets opgeslagen.',
              en: 'The application is not valid. Nothing was stored.',
            },
            outcome.errors,
          );
        }
        const { submitted, items } = outcome;
        if (submitted.created) return created(reply, { ...submitted, items });
        // The key was used before (a retry, or a request at the same time that committed first): compare.
        const winner = await findBySubmissionKey(db, submissionKey);
        if (!winner) throw new Error('a submission key without its application');
        return again(reply, winner, request.body);
      },
    );
  };
