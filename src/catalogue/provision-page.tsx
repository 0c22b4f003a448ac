import { formatIsoDate } from '../platform/i18n.ts';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { applicationRouteLabels, categoryLabels, describeAges, describeAmount } from './labels.ts';
import { pageMessages } from './page-messages.ts';
import { ExampleBadge, ExampleNotice } from './provision-facts.tsx';
import type { Provision } from './provision.ts';

type ProvisionPageProps = { context: PageContext; provision: Provision; backHref: string | null };

export function ProvisionPage({ context, provision, backHref }: ProvisionPageProps) {
  const { locale } = context;
  const text = pageMessages[locale];
  const where =
    provision.offeredIn === 'nationwide'
      ? text.nationwide
      : provision.offeredIn.map((m) => m.name).join(', ');
  return (
    <Layout context={context} title={provision.name[locale]}>
      {backHref && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={backHref}>
            {text.backToResults}
          </a>
        </p>
      )}
      <p class="utrecht-pre-heading">{categoryLabels[locale][provision.category]}</p>
      <h1 class="utrecht-heading-1">{provision.name[locale]}</h1>
      {provision.isExample && (
        <>
          <ExampleBadge locale={locale} />
          <ExampleNotice locale={locale} />
        </>
      )}
      <p class="utrecht-paragraph">{provision.description[locale]}</p>
      <h2 class="utrecht-heading-2">{text.howToApply}</h2>
      <p class="utrecht-paragraph">{applicationRouteLabels[locale][provision.applicationRoute]}</p>
      <dl class="meedoen-facts">
        <dt>{text.forAges}</dt>
        <dd>{describeAges(provision.ages, locale)}</dd>
        <dt>{text.worth}</dt>
        <dd>{describeAmount(provision.amount, locale)}</dd>
        <dt>{text.where}</dt>
        <dd>{where}</dd>
        <dt>{text.handledBy}</dt>
        <dd>{provision.handledBy.name}</dd>
        <dt>{text.fundedBy}</dt>
        <dd>{provision.fundedBy.name}</dd>
        {provision.link && (
          <>
            <dt>{text.moreInformation}</dt>
            <dd>
              <a class="utrecht-link" href={provision.link} rel="noopener noreferrer">
                {text.moreInformationLink(provision.handledBy.name)}
              </a>
            </dd>
          </>
        )}
        <dt>{text.lastChecked}</dt>
        <dd>{text.lastCheckedBy(formatIsoDate(provision.lastChecked, locale), provision.owner.name)}</dd>
      </dl>
    </Layout>
  );
}
