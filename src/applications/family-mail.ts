import type { Locale } from '../platform/i18n.ts';

/**
 * The confirmation a family gets when its application is stored, in the language it chose. The link is the
 * key to the tracking page, so the mail says to keep it to themselves; the code alone opens nothing.
 */
export function familyConfirmationMail(input: { locale: Locale; reference: string; trackingUrl: string }): {
  subject: string;
  body: string;
} {
  const { reference, trackingUrl } = input;
  if (input.locale === 'en') {
    return {
      subject: `We received your application ${reference}`,
      body: [
        'Thank you. We received your application for help for your child.',
        'We send each kind of help to the organisation that gives it. They look at your application and decide.',
        '',
        `Follow your application: ${trackingUrl}`,
        `Your code: ${reference}`,
        '',
        'With the link you see how your application is going, answer questions and withdraw it.',
        'This link is personal. Share it only with someone who helps you with the application.',
        'Quote the code when you call or e-mail us.',
      ].join('\n'),
    };
  }
  return {
    subject: `We hebben je aanvraag ${reference} ontvangen`,
    body: [
      'Bedankt. We hebben je aanvraag voor hulp voor je kind ontvangen.',
      'We sturen elke soort hulp naar de organisatie die hem geeft. Die bekijkt je aanvraag en beslist.',
      '',
      `Volg je aanvraag: ${trackingUrl}`,
      `Je code: ${reference}`,
      '',
      'Met de link zie je hoe het met je aanvraag gaat. Je kunt er ook vragen mee beantwoorden en je aanvraag intrekken.',
      'Deze link is persoonlijk. Deel hem alleen met wie je helpt met de aanvraag.',
      'Noem de code als je ons belt of mailt.',
    ].join('\n'),
  };
}
