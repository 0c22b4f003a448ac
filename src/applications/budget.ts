import type { AmountPeriod } from '../catalogue/provision.ts';

/** The provision's amount as the catalogue gives it (`provisions.amount_*`); null when it names none. */
export type ProvisionAmount = { cents: number; kind: 'value' | 'budget'; period: AmountPeriod } | null;

/** The first and last day (inclusive, YYYY-MM-DD) of the period a date falls in; null: no end ("once"). */
export type BudgetPeriod = { from: string; to: string } | null;

const pad = (year: number) => String(year).padStart(4, '0');

/**
 * The period a delivery date counts in. A school year runs 1 August to 31 July (the summer holidays end
 * in August in every region, and schools start their year's costs then); a sports season 1 July to 30 June
 * (the KNVB's and most clubs' membership year); "once" is one budget for the child's whole life.
 */
export function budgetPeriod(period: AmountPeriod, date: string): BudgetPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (period) {
    case 'calendar_year':
      return { from: `${pad(year)}-01-01`, to: `${pad(year)}-12-31` };
    case 'school_year': {
      const start = month >= 8 ? year : year - 1;
      return { from: `${pad(start)}-08-01`, to: `${pad(start + 1)}-07-31` };
    }
    case 'season': {
      const start = month >= 7 ? year : year - 1;
      return { from: `${pad(start)}-07-01`, to: `${pad(start + 1)}-06-30` };
    }
    case 'once':
      return null;
  }
}

export type EarlierDelivery = { deliveredOn: string; valueCents: number };

/** Where a child stands against a budget, before this delivery. */
export type BudgetStanding = {
  budgetCents: number;
  /** Delivered earlier in the same period, for the same child and provision. */
  usedCents: number;
  /** What was left before this delivery; never below zero. */
  remainingCents: number;
  periodKind: AmountPeriod;
  period: BudgetPeriod;
};

export type BudgetCheck =
  { kind: 'no-budget' } | ({ kind: 'within' } & BudgetStanding) | ({ kind: 'over' } & BudgetStanding);

/**
 * Whether a delivery of `valueCents` on `deliveredOn` fits the child's budget for the provision: it may not
 * exceed what the earlier deliveries in the same period left (a delivery of nothing always fits). Only an amount of kind
 * "budget" is a limit; a "value" says what one delivery is worth and limits nothing.
 */
export function checkBudget(input: {
  amount: ProvisionAmount;
  earlier: readonly EarlierDelivery[];
  deliveredOn: string;
  valueCents: number;
}): BudgetCheck {
  const { amount } = input;
  if (!amount || amount.kind !== 'budget') return { kind: 'no-budget' };
  const period = budgetPeriod(amount.period, input.deliveredOn);
  const usedCents = input.earlier
    .filter((d) => period === null || (d.deliveredOn >= period.from && d.deliveredOn <= period.to))
    .reduce((sum, d) => sum + d.valueCents, 0);
  const remainingCents = Math.max(0, amount.cents - usedCents);
  return {
    kind: input.valueCents > remainingCents ? 'over' : 'within',
    budgetCents: amount.cents,
    usedCents,
    remainingCents,
    periodKind: amount.period,
    period,
  };
}
