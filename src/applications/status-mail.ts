import type { ItemStatus } from './status.ts';

type Locale = 'nl' | 'en';

const statusTexts: Record<Locale, Partial<Record<ItemStatus, (provision: string) => string>>> = {
  nl: {
    information_requested: (p) =>
      `Voor je aanvraag voor ${p} is meer informatie nodig. Lees de vraag via de link.`,
    granted: (p) => `Goed nieuws: je aanvraag voor ${p} is toegekend.`,
    refused: (p) => `Je aanvraag voor ${p} is afgewezen. Via de link lees je waarom en wat je kunt doen.`,
    delivered: (p) => `${p} is geleverd. Veel plezier!`,
    withdrawn: (p) => `Je aanvraag voor ${p} is ingetrokken.`,
  },
  en: {
    information_requested: (p) =>
      `More information is needed for your application for ${p}. Read the question via the link.`,
    granted: (p) => `Good news: your application for ${p} has been granted.`,
    refused: (p) => `Your application for ${p} has been refused. The link tells you why and what you can do.`,
    delivered: (p) => `${p} has been delivered. Enjoy!`,
    withdrawn: (p) => `Your application for ${p} has been withdrawn.`,
  },
};

/** The e-mail a family gets when an item's status changes, in the language it applied in. */
export function statusMail(input: {
  locale: Locale;
  status: ItemStatus;
  provisionName: string;
  reference: string;
  trackingUrl: string;
}): { subject: string; body: string } | null {
  const line = statusTexts[input.locale][input.status];
  if (!line) return null;
  const nl = input.locale === 'nl';
  return {
    subject: nl ? `Je aanvraag ${input.reference}` : `Your application ${input.reference}`,
    body: [
      line(input.provisionName),
      '',
      nl ? `Bekijk je aanvraag: ${input.trackingUrl}` : `View your application: ${input.trackingUrl}`,
      nl ? `Je code: ${input.reference}` : `Your code: ${input.reference}`,
      '',
      nl
        ? 'Deze link is persoonlijk. Deel hem alleen met wie je helpt met de aanvraag.'
        : 'This link is personal. Share it only with someone who helps you with the application.',
    ].join('\n'),
  };
}
