import { isCalendarDate } from '../platform/clock.ts';
import { formatIsoDate, type Locale } from '../platform/i18n.ts';
import { parseEuroAmount } from '../platform/money-input.ts';
import type { FieldError } from '../platform/validation.ts';
import {
  handlingMessages,
  MAX_DELIVERY_CENTS,
  MAX_DESCRIPTION,
  MAX_TEXT,
  refusalReasons,
  type RefusalReason,
} from './handling-messages.ts';
import { itemStatuses } from './schema.ts';
import type { ItemStatus } from './status.ts';

export type FormFields = Record<string, string>;

/** The text fields of a posted form; repeated or non-text fields are dropped. */
export function formFields(body: unknown): FormFields {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

const text = (fields: FormFields, name: string) => (fields[name] ?? '').trim();

/** The status the handler's page showed, sent back with the form; null when absent or not a status. */
export function expectedStatus(fields: FormFields): ItemStatus | null {
  const value = text(fields, 'status');
  return (itemStatuses as readonly string[]).includes(value) ? (value as ItemStatus) : null;
}

export const decisions = ['in_progress', 'information_requested', 'granted', 'refused'] as const;
export type Decision = (typeof decisions)[number];

export type DecisionRequest = { to: Decision; reasonCode: RefusalReason | null; text: string | null };

const error = (field: string, code: string, message: string): FieldError => ({ field, code, message });

/**
 * A decision as posted: which one, and its words. A question needs its text, a refusal a reason from the
 * list and an explanation (the family reads both); a grant may have a note. Unknown decisions are null.
 */
export function parseDecision(
  fields: FormFields,
  locale: Locale,
): { ok: true; decision: DecisionRequest } | { ok: false; errors: FieldError[] } | null {
  const m = handlingMessages[locale];
  const to = text(fields, 'decision');
  if (!(decisions as readonly string[]).includes(to)) return null;
  const errors: FieldError[] = [];
  const words = (field: string, required: string | null) => {
    const value = text(fields, field);
    if (value === '' && required) errors.push(error(field, `${field}_required`, required));
    else if (value.length > MAX_TEXT) errors.push(error(field, `${field}_too_long`, m.textTooLong));
    return value === '' ? null : value;
  };
  switch (to as Decision) {
    case 'in_progress':
      return { ok: true, decision: { to: 'in_progress', reasonCode: null, text: null } };
    case 'information_requested': {
      const question = words('question', m.questionRequired);
      if (errors.length > 0) return { ok: false, errors };
      return { ok: true, decision: { to: 'information_requested', reasonCode: null, text: question } };
    }
    case 'granted': {
      const note = words('note', null);
      if (errors.length > 0) return { ok: false, errors };
      return { ok: true, decision: { to: 'granted', reasonCode: null, text: note } };
    }
    case 'refused': {
      const reason = text(fields, 'reason');
      const known = (refusalReasons as readonly string[]).includes(reason);
      if (!known) errors.push(error('reason', 'reason_required', m.refusalReasonRequired));
      const explanation = words('explanation', m.refusalTextRequired);
      if (errors.length > 0) return { ok: false, errors };
      return {
        ok: true,
        decision: { to: 'refused', reasonCode: reason as RefusalReason, text: explanation },
      };
    }
  }
}

export type DeliveryForm = {
  deliveredOn: string;
  description: string;
  valueCents: number;
  overrideReason: string | null;
};

/**
 * The delivery form: a real date, not in the future and not before the request; what was delivered; the
 * value in euros as people type it (stored in cents). The override's reason is required only when its
 * box is ticked; whether the override is needed at all is for the budget check to say.
 */
export function parseDelivery(
  fields: FormFields,
  bounds: { today: string; submittedOn: string },
  locale: Locale,
): { ok: true; delivery: DeliveryForm } | { ok: false; errors: FieldError[] } {
  const m = handlingMessages[locale];
  const errors: FieldError[] = [];
  const deliveredOn = text(fields, 'deliveredOn');
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(deliveredOn) || !isCalendarDate(deliveredOn))
    errors.push(error('deliveredOn', 'delivered_on_invalid', m.deliveredOnError));
  else if (deliveredOn > bounds.today)
    errors.push(error('deliveredOn', 'delivered_on_future', m.deliveredOnFuture));
  else if (deliveredOn < bounds.submittedOn)
    errors.push(
      error(
        'deliveredOn',
        'delivered_on_early',
        m.deliveredOnEarly(formatIsoDate(bounds.submittedOn, locale)),
      ),
    );
  const description = text(fields, 'description');
  if (description === '') errors.push(error('description', 'description_required', m.descriptionRequired));
  else if (description.length > MAX_DESCRIPTION)
    errors.push(error('description', 'description_too_long', m.descriptionTooLong));
  const valueCents = parseEuroAmount(text(fields, 'value'));
  if (valueCents === null || valueCents > MAX_DELIVERY_CENTS)
    errors.push(error('value', 'value_invalid', m.valueError));
  const override = text(fields, 'override') !== '';
  const reason = text(fields, 'overrideReason');
  if (override && reason === '')
    errors.push(error('overrideReason', 'override_reason_required', m.overrideReasonRequired));
  else if (reason.length > MAX_TEXT)
    errors.push(error('overrideReason', 'override_reason_too_long', m.textTooLong));
  if (errors.length > 0 || valueCents === null) return { ok: false, errors };
  return {
    ok: true,
    delivery: { deliveredOn, description, valueCents, overrideReason: override ? reason : null },
  };
}
