import { z } from 'zod';
import { registerFieldMessages } from '../platform/validation.ts';

registerFieldMessages({
  action_status_text: {
    nl: 'Schrijf hoe de actie ervoor staat, in 10 tot 5000 tekens.',
    en: 'Write how the action stands, in 10 to 5000 characters.',
  },
  action_when_text: {
    nl: 'Schrijf wanneer de actie loopt, bijvoorbeeld "Start Q3 2026 looptijd tot eind 2027".',
    en: 'Write when the action runs, for example "Start Q3 2026 looptijd tot eind 2027".',
  },
  action_reported_on: {
    nl: 'Vul de datum van de stand in als jjjj-mm-dd, vandaag of eerder.',
    en: 'Enter the date of this status as yyyy-mm-dd, today or earlier.',
  },
  action_source: {
    nl: 'Noem de bron, bijvoorbeeld de voortgangsbrief, in 3 tot 300 tekens.',
    en: 'Name the source, for example the progress letter, in 3 to 300 characters.',
  },
});

/** One status update of an action, as the staff form sends it. */
export const statusUpdateSchema = (today: string) =>
  z.object({
    statusText: z
      .string()
      .trim()
      .min(10, { error: 'action_status_text' })
      .max(5000, { error: 'action_status_text' }),
    whenText: z.string().trim().min(2, { error: 'action_when_text' }).max(300, { error: 'action_when_text' }),
    reportedOn: z.iso
      .date({ error: 'action_reported_on' })
      .refine((date) => date <= today, { error: 'action_reported_on' }),
    source: z.string().trim().min(3, { error: 'action_source' }).max(300, { error: 'action_source' }),
  });
