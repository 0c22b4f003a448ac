import type { Locale } from '../platform/i18n.ts';
import { applicationRouteShort, describeAges, describeAmount } from './labels.ts';
import { pageMessages } from './page-messages.ts';
import type { Provision } from './provision.ts';

export function ExampleBadge({ locale }: { locale: Locale }) {
  return <span class="meedoen-example">{pageMessages[locale].exampleBadge}</span>;
}

export function ExampleNotice({ locale }: { locale: Locale }) {
  return (
    <p class="utrecht-paragraph meedoen-notice" role="note">
      {pageMessages[locale].exampleNotice}
    </p>
  );
}

/** The short facts a parent compares between provisions: age, value, route and where to apply. */
export function ProvisionFacts({ provision, locale }: { provision: Provision; locale: Locale }) {
  const text = pageMessages[locale];
  return (
    <dl class="meedoen-facts">
      <dt>{text.forAges}</dt>
      <dd>{describeAges(provision.ages, locale)}</dd>
      <dt>{text.worth}</dt>
      <dd>{describeAmount(provision.amount, locale)}</dd>
      <dt>{text.howToApply}</dt>
      <dd>{applicationRouteShort[locale][provision.applicationRoute]}</dd>
      <dt>{text.handledBy}</dt>
      <dd>{provision.handledBy.name}</dd>
    </dl>
  );
}

/** The first sentence, so a list of twenty provisions stays readable on a phone. */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}
