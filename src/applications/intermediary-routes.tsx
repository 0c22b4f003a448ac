import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { runCheck } from '../eligibility/run-check.ts';
import { signedInStaff } from '../identity/index.ts';
import { lookupPostcode } from '../municipalities/index.ts';
import { isoDateInAmsterdam } from '../platform/clock.ts';
import type { Locale } from '../platform/i18n.ts';
import { createPseudonymiser } from '../platform/processing-log/index.ts';
import { traceIdFor } from '../platform/trace.ts';
import type { FieldError } from '../platform/validation.ts';
import { sendPage } from '../platform/views/render.ts';
import { formBody, intermediaryRoute, pageBase, type OrganisationParams } from './caseload-access.ts';
import { applicationPath, caseloadPath, draftPath } from './caseload-paths.ts';
import { childKey, normaliseChildIdentity } from './child-key.ts';
import {
  checkRequestFor,
  firstOpenDraftStep,
  isDraftStep,
  MAX_CHILDREN,
  parseChildren,
  parseFamily,
  parseProvisions,
  parseSending,
  reachable,
  single,
  typedChildren,
  type Body,
  type DraftAnswers,
  type DraftStep,
} from './intermediary-draft.ts';
import { intermediaryMessages } from './intermediary-messages.ts';
import {
  ChildrenStepPage,
  FamilyStepPage,
  ProvisionsStepPage,
  SendingStepPage,
  type StepBase,
} from './intermediary-pages.tsx';
import {
  applicationSentFrom,
  createStaffDraft,
  deleteStaffDraft,
  findStaffDraft,
  saveStaffDraft,
  submissionKeyFor,
  type StaffDraft,
} from './intermediary-store.ts';
import type { ApplicationOptions } from './options.ts';
import { applyPrecedence, precedenceRanks } from './precedence.ts';
import { submitApplication, type ChildRequest } from './submit.ts';

type DraftParams = OrganisationParams & { draft: string; step: string };
type DraftRequest = FastifyRequest<{ Params: DraftParams }>;
type StepExtra = {
  split?: { postcode: string; areas: { code: string; name: string }[] };
  add?: boolean;
  chosen?: string[][];
};

const euros = (cents: number, locale: Locale) => {
  const text = (cents / 100).toFixed(2);
  return locale === 'nl' ? text.replace('.', ',') : text;
};

/** The saved answers as the form's values, so a resumed draft shows what was typed. */
function savedValues(answers: DraftAnswers, locale: Locale): Record<string, string> {
  const values: Record<string, string> = {};
  const { family, children, contact } = answers;
  if (family) {
    Object.assign(values, {
      postcode: family.postcode,
      houseNumber: family.houseNumber,
      municipality: family.municipality.code,
      householdType: family.householdType,
      ageGroup: family.ageGroup,
      incomeSource: family.incomeSource,
      income: family.income.kind === 'monthly_net' ? euros(family.income.cents, locale) : '',
      vouch: family.income.kind === 'vouched' ? 'yes' : '',
    });
  }
  children?.forEach((child, n) => {
    values[`child-${n}-firstName`] = child.firstName;
    values[`child-${n}-birthDate`] = child.birthDate;
  });
  Object.assign(values, contact ?? { locale });
  return values;
}

const typedValues = (body: Body): Record<string, string> =>
  Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));

/**
 * Applying on a family's behalf, in four steps. Each step's answers are saved in a draft owned by the
 * intermediary before the next step opens, so a timed-out session or a closed tab resumes from the caseload.
 * Sending uses a key derived from the draft: sent twice, it is one application.
 */
export const intermediaryRoutes =
  ({
    db,
    clock,
    secret,
    childKeySecret,
    parameters,
    publicBaseUrl,
  }: ApplicationOptions): FastifyPluginAsync =>
  async (app) => {
    const pseudonymiser = createPseudonymiser(secret);
    const today = () => isoDateInAmsterdam(clock.now());

    app.post<{ Params: OrganisationParams }>(
      '/beheer/organisaties/:organisation/caseload/aanvragen',
      intermediaryRoute,
      async (request, reply) => {
        const base = await pageBase(db, secret, request, reply);
        if (!base) return reply.callNotFound();
        const id = await createStaffDraft(
          db,
          signedInStaff(request).person.id,
          base.organisation.key,
          clock.now(),
        );
        return reply.redirect(draftPath(base.organisation.key, id, 'gezin'), 303);
      },
    );

    async function loadDraft(request: DraftRequest) {
      return findStaffDraft(
        db,
        request.params.draft,
        signedInStaff(request).person.id,
        request.params.organisation,
        clock.now(),
      );
    }

    /** Runs the check for the draft's family, as the self-check would, and what each child may ask for. */
    async function offers(answers: DraftAnswers, locale: Locale) {
      const checkRequest = checkRequestFor(answers, today());
      if (!checkRequest) return null;
      const run = await runCheck(db, parameters, checkRequest, today(), locale);
      if (run.kind !== 'done') return null;
      const ranks = await precedenceRanks(db, run.municipality.code);
      const children = run.result.children.map((child, n) => {
        const possible = child.outcomes.filter((o) => o.evaluation.outcome !== 'not_eligible');
        const deferrals = applyPrecedence(
          possible.map((o) => ({
            key: o.provision.key,
            category: o.provision.category,
            handledBy: o.provision.handledBy.key,
          })),
          ranks,
        );
        const names = new Map(child.outcomes.map((o) => [o.provision.key, o.provision.name[locale]]));
        const deferredTo = new Map(
          [...deferrals].map(([key, first]) => [key, first.map((k) => names.get(k) ?? k)]),
        );
        return { firstName: answers.children![n]!.firstName, outcomes: child.outcomes, deferredTo };
      });
      return {
        municipality: run.municipality.name,
        children,
        offered: children.map((c) =>
          c.outcomes
            .filter((o) => o.evaluation.outcome !== 'not_eligible' && !c.deferredTo.has(o.provision.key))
            .map((o) => o.provision.key),
        ),
      };
    }

    async function render(
      request: DraftRequest,
      reply: FastifyReply,
      draft: StaffDraft,
      step: DraftStep,
      view: {
        values?: Record<string, string>;
        errors?: FieldError[];
        extra?: StepExtra;
        status?: number;
      } = {},
    ) {
      const base = await pageBase(db, secret, request, reply);
      if (!base) return reply.callNotFound();
      const { locale } = base.context;
      const errors = view.errors ?? [];
      const props: StepBase = {
        ...base,
        draftId: draft.id,
        errors,
        values: view.values ?? savedValues(draft.answers, locale),
      };
      const status = view.status ?? (errors.length > 0 ? 400 : 200);
      reply.header('cache-control', 'no-store');
      switch (step) {
        case 'gezin': {
          return sendPage(reply, <FamilyStepPage {...props} split={view.extra?.split ?? null} />, status);
        }
        case 'kinderen': {
          // As many rows as the last one typed in, and one more when asked for.
          const used = typedChildren(props.values).map((c) => c.firstName !== '' || c.birthDate !== '');
          const rows = Math.max(1, used.lastIndexOf(true) + 1) + (view.extra?.add ? 1 : 0);
          return sendPage(reply, <ChildrenStepPage {...props} rows={Math.min(rows, MAX_CHILDREN)} />, status);
        }
        case 'voorzieningen': {
          const found = await offers(draft.answers, locale);
          if (!found) return reply.redirect(draftPath(base.organisation.key, draft.id, 'gezin'), 303);
          const chosen = view.extra?.chosen ?? draft.answers.provisions ?? [];
          return sendPage(
            reply,
            <ProvisionsStepPage
              {...props}
              municipality={found.municipality}
              offers={found.children}
              chosen={chosen}
            />,
            status,
          );
        }
        case 'versturen': {
          const found = await offers(draft.answers, locale);
          if (!found) return reply.redirect(draftPath(base.organisation.key, draft.id, 'gezin'), 303);
          const summary = found.children.map((child, n) => ({
            firstName: child.firstName,
            provisions: child.outcomes
              .filter((o) => draft.answers.provisions?.[n]?.includes(o.provision.key))
              .map((o) => o.provision.name[locale]),
          }));
          return sendPage(
            reply,
            <SendingStepPage {...props} summary={summary.filter((c) => c.provisions.length > 0)} />,
            status,
          );
        }
      }
    }

    const gone = (reply: FastifyReply, organisation: string) =>
      reply.redirect(`${caseloadPath(organisation)}?melding=concept-weg`, 303);

    app.get<{ Params: DraftParams }>(
      '/beheer/organisaties/:organisation/caseload/concepten/:draft/:step',
      intermediaryRoute,
      async (request, reply) => {
        const { organisation, step } = request.params;
        if (!isDraftStep(step)) return reply.callNotFound();
        const draft = await loadDraft(request);
        if (!draft) return gone(reply, organisation);
        if (!reachable(step, draft.answers))
          return reply.redirect(draftPath(organisation, draft.id, firstOpenDraftStep(draft.answers)), 303);
        return render(request, reply, draft, step);
      },
    );

    app.post<{ Params: DraftParams }>(
      '/beheer/organisaties/:organisation/caseload/concepten/:draft/:step',
      intermediaryRoute,
      async (request, reply) => {
        const { organisation, step } = request.params;
        if (!isDraftStep(step)) return reply.callNotFound();
        const personId = signedInStaff(request).person.id;
        const draft = await loadDraft(request);
        if (!draft) {
          // Sent already (a second click on "send", or the back button after sending): show what was sent.
          const sent = await applicationSentFrom(db, request.params.draft, personId);
          if (sent) return reply.redirect(`${applicationPath(organisation, sent)}?melding=verzonden`, 303);
          return gone(reply, organisation);
        }
        if (!reachable(step, draft.answers))
          return reply.redirect(draftPath(organisation, draft.id, firstOpenDraftStep(draft.answers)), 303);
        const locale = (await pageBase(db, secret, request, reply))?.context.locale ?? 'nl';
        const body = formBody(request.body);
        const values = typedValues(body);
        const now = clock.now();
        const record = {
          actor: { personId: signedInStaff(request).person.id, role: 'intermediary', organisation },
          traceId: traceIdFor(request.headers),
          pseudonymiser,
        };
        const next = async (answers: DraftAnswers, nextStep: DraftStep) => {
          await saveStaffDraft(db, draft.id, answers, nextStep, now, record);
          return reply.redirect(draftPath(organisation, draft.id, nextStep), 303);
        };

        switch (step) {
          case 'gezin': {
            const parsed = parseFamily(body, today(), locale);
            const lookup = await lookupPostcode(db, single(body, 'postcode'));
            const errors = parsed.ok ? [] : [...parsed.errors];
            let extra: StepExtra | undefined;
            let municipality: { code: string; name: string } | undefined;
            if (lookup.kind === 'unknown' && !errors.some((e) => e.field === 'postcode'))
              errors.unshift({
                field: 'postcode',
                code: 'postcode_unknown',
                message: intermediaryMessages[locale].family.postcodeUnknown,
              });
            if (lookup.kind === 'found') {
              const areas = lookup.areas.map((a) => ({ code: a.municipalityCode, name: a.municipalityName }));
              municipality =
                areas.length === 1 ? areas[0] : areas.find((a) => a.code === single(body, 'municipality'));
              if (areas.length > 1) extra = { split: { postcode: lookup.postcode, areas } };
              if (!municipality && areas.length > 1)
                errors.push({
                  field: 'municipality',
                  code: 'required',
                  message: intermediaryMessages[locale].choose,
                });
            }
            if (!parsed.ok || !municipality || errors.length > 0)
              return render(request, reply, draft, step, { values, errors, extra });
            return next({ ...draft.answers, family: { ...parsed.value, municipality } }, 'kinderen');
          }
          case 'kinderen': {
            const parsed = parseChildren(body, draft.answers.family!, today(), locale);
            if (!parsed.ok) return render(request, reply, draft, step, { values, errors: parsed.errors });
            // Changed children make the earlier choice of provisions meaningless.
            const same = JSON.stringify(parsed.value) === JSON.stringify(draft.answers.children);
            const answers = {
              ...draft.answers,
              children: parsed.value,
              provisions: same ? draft.answers.provisions : undefined,
            };
            if (single(body, 'action') !== 'add') return next(answers, 'voorzieningen');
            // The children so far are saved before the empty row is added, so nothing typed is lost.
            await saveStaffDraft(db, draft.id, answers, 'kinderen', now, record);
            return render(request, reply, draft, step, { values, extra: { add: true } });
          }
          case 'voorzieningen': {
            const found = await offers(draft.answers, locale);
            if (!found) return reply.redirect(draftPath(organisation, draft.id, 'gezin'), 303);
            const parsed = parseProvisions(body, found.offered, locale);
            // Nothing offered was ticked, so the page shows no ticks.
            if (!parsed.ok)
              return render(request, reply, draft, step, {
                values,
                errors: parsed.errors,
                extra: { chosen: [] },
              });
            return next({ ...draft.answers, provisions: parsed.value }, 'versturen');
          }
          case 'versturen':
            return send(request, reply, draft, body, values, locale, personId);
        }
      },
    );

    async function send(
      request: DraftRequest,
      reply: FastifyReply,
      draft: StaffDraft,
      body: Body,
      values: Record<string, string>,
      locale: Locale,
      personId: string,
    ) {
      const { organisation } = request.params;
      const { family, children = [] } = draft.answers;
      const parsed = parseSending(body, children, today(), locale);
      if (!parsed.ok) return render(request, reply, draft, 'versturen', { values, errors: parsed.errors });
      const found = await offers(draft.answers, locale);
      if (!found || !family) return reply.redirect(draftPath(organisation, draft.id, 'gezin'), 303);

      // The check again at sending, so each item carries today's outcome and its handling organisation.
      const requests: ChildRequest[] = [];
      children.forEach((child, n) => {
        const chosen = found.children[n]!.outcomes.filter(
          (o) =>
            o.evaluation.outcome !== 'not_eligible' &&
            draft.answers.provisions?.[n]?.includes(o.provision.key),
        );
        const identity = normaliseChildIdentity(
          { ...child, postcode: family.postcode, houseNumber: family.houseNumber },
          today(),
        );
        if (chosen.length === 0 || !identity.ok) return;
        requests.push({
          firstName: child.firstName,
          birthDate: child.birthDate,
          childKey: childKey(childKeySecret, identity.identity),
          provisions: chosen.map((o) => ({
            key: o.provision.key,
            handledBy: o.provision.handledBy.key,
            eligibility: {
              checkedOn: today(),
              outcome: o.evaluation.outcome,
              reasons: o.evaluation.reasons.map((r) => r.code),
              incomePercentOfNorm: o.evaluation.incomePercentOfNorm,
              threshold: o.evaluation.threshold,
            },
          })),
        });
      });
      if (requests.length === 0) {
        const errors = [
          {
            field: 'consent',
            code: 'provisions_gone',
            message: intermediaryMessages[locale].sending.noneLeft,
          },
        ];
        return render(request, reply, draft, 'versturen', { values, errors, status: 409 });
      }
      const contact = parsed.value;
      const postcode = normaliseChildIdentity(
        { firstName: 'xx', birthDate: today(), postcode: family.postcode, houseNumber: family.houseNumber },
        today(),
      );
      const mail = intermediaryMessages[contact.locale].confirmation;
      const submitted = await submitApplication(
        {
          submissionKey: submissionKeyFor(draft.id),
          channel: 'intermediary',
          intermediary: { personId, organisationKey: organisation },
          municipalityCode: family.municipality.code,
          postcode: postcode.ok ? postcode.identity.postcode : family.postcode,
          houseNumber: family.houseNumber,
          householdType: family.householdType,
          incomeSource: family.incomeSource,
          netIncomeCents: family.income.kind === 'monthly_net' ? family.income.cents : null,
          intermediaryVouches: family.income.kind === 'vouched',
          contactEmail: contact.email || null,
          contactPhone: contact.phone || null,
          locale: contact.locale,
          // The statement as the intermediary ticked it, in the page's language.
          consent: {
            text: intermediaryMessages[locale].consentText(contact.consentBy),
            by: 'family_via_intermediary',
          },
          children: requests,
        },
        {
          db,
          clock,
          secret,
          pseudonymiser,
          actor: { personId, role: 'intermediary', organisation },
          traceId: traceIdFor(request.headers),
          alsoInTransaction: (tx) => deleteStaffDraft(tx, draft.id),
          confirmation: ({ reference, trackingToken }) => ({
            subject: mail.subject(reference),
            body: mail.body(reference, `${publicBaseUrl}/volgen/${trackingToken}`),
          }),
        },
      );
      return reply.redirect(`${applicationPath(organisation, submitted.id)}?melding=verzonden`, 303);
    }
  };
