import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

/** The shipped action list (data/actions/actions-2019.yaml), converted once from the 2019 appendix. */
export const actionsFile = new URL('../../data/actions/actions-2019.yaml', import.meta.url);

const text = z.string().trim().min(1);

export const actionsFileSchema = z.object({
  source: z.object({
    title: text,
    publisher: text,
    reference: text,
    date: z.iso.date(),
    converted: text,
  }),
  actions: z
    .array(
      z.object({
        key: z.string().regex(/^\d{4}-a[1-4]-\d{2}$/),
        ambition: z.number().int().min(1).max(4),
        commitment: text,
        title: text,
        lead: text.nullable(),
        motion: text.nullable(),
        status: text,
        when: text,
      }),
    )
    .min(1),
});

export type ActionsFile = z.infer<typeof actionsFileSchema>;

export async function readActionsFile(file: URL = actionsFile): Promise<ActionsFile> {
  return actionsFileSchema.parse(parse(await readFile(file, 'utf8')));
}
