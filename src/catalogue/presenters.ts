import { z } from 'zod';
import {
  amountKinds,
  amountPeriods,
  applicationRoutes,
  categories,
  organisationKinds,
  type Provision,
} from './provision.ts';

const organisationRef = z.object({ key: z.string(), name: z.string(), kind: z.enum(organisationKinds) });

export const provisionResource = z
  .object({
    id: z.string().meta({ example: 'jeugdfonds-sport' }),
    name: z.object({ nl: z.string(), en: z.string() }),
    description: z.object({ nl: z.string(), en: z.string() }),
    category: z.enum(categories),
    ages: z.object({ min: z.number().int(), max: z.number().int() }),
    offeredIn: z.union([z.literal('nationwide'), z.array(z.object({ code: z.string(), name: z.string() }))]),
    fundedBy: organisationRef,
    handledBy: organisationRef,
    owner: organisationRef,
    applicationRoute: z.enum(applicationRoutes),
    scheme: z.string().nullable().meta({ description: 'Key of the eligibility scheme that applies' }),
    amount: z
      .object({ cents: z.number().int(), kind: z.enum(amountKinds), period: z.enum(amountPeriods) })
      .nullable()
      .meta({
        description: 'Value or budget per child per period in euro cents; null when decided case by case',
      }),
    link: z.string().nullable(),
    lastChecked: z.string().meta({ description: 'ISO date the owner last checked this entry' }),
    example: z.boolean().meta({ description: 'true for demo data that is not a real offer' }),
  })
  .meta({ id: 'Provision' });

export type ProvisionResource = z.infer<typeof provisionResource>;

/** The public view of a provision: every field is public catalogue information. */
export function presentProvision(provision: Provision): ProvisionResource {
  return {
    id: provision.key,
    name: provision.name,
    description: provision.description,
    category: provision.category,
    ages: provision.ages,
    offeredIn: provision.offeredIn,
    fundedBy: provision.fundedBy,
    handledBy: provision.handledBy,
    owner: provision.owner,
    applicationRoute: provision.applicationRoute,
    scheme: provision.scheme,
    amount: provision.amount,
    link: provision.link,
    lastChecked: provision.lastChecked,
    example: provision.isExample,
  };
}
