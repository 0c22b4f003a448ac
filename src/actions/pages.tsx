import { formatIsoDate, type Locale } from '../platform/i18n.ts';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { ambitionLabels, ambitionNumbers } from './ambitions.ts';
import type { StatusUpdate, TrackedAction } from './store.ts';
import { quarterLabel } from './timing.ts';

export const actionTexts = {
  nl: {
    title: 'Acties tegen kinderarmoede',
    intro:
      'Wat het Rijk en zijn partners doen per ambitie, hoe het ervoor staat en wanneer. De teksten zijn van het ministerie; de eerste stand komt uit de bijlage bij de Kamerbrief van 2 oktober 2019.',
    staffTitle: 'Acties bijwerken',
    staffIntro: 'Kies een actie om een nieuwe stand toe te voegen. Eerdere standen blijven zichtbaar.',
    status: 'Stand van zaken',
    when: 'Wanneer',
    quarters: (start: string | null, end: string | null) =>
      [start && `vanaf ${quarterLabel(start)}`, end && `tot en met ${quarterLabel(end)}`]
        .filter(Boolean)
        .join(' '),
    lead: 'Trekker',
    motion: 'Voert uit',
    reportedOn: (date: string) => `Stand van ${date}`,
    history: (n: number) => `Alle standen (${n})`,
    historyTitle: 'Eerdere standen',
    source: 'Bron',
    back: 'Terug naar alle acties',
    update: 'Nieuwe stand toevoegen',
    statusText: 'Hoe staat de actie ervoor?',
    whenText: 'Wanneer (bijvoorbeeld "Start Q3 2026 looptijd tot eind 2027")',
    reportedOnField: 'Datum van deze stand (jjjj-mm-dd)',
    sourceField: 'Bron (bijvoorbeeld de voortgangsbrief)',
    save: 'Stand opslaan',
    saved: 'De nieuwe stand is opgeslagen.',
    open: 'Stand toevoegen',
  },
  en: {
    title: 'Actions against child poverty',
    intro:
      'What the government and its partners do per ambition, how it stands and when. The texts are the ministry’s, in Dutch; the first status comes from the appendix to the letter to parliament of 2 October 2019.',
    staffTitle: 'Update actions',
    staffIntro: 'Choose an action to add a new status. Earlier statuses stay visible.',
    status: 'Status',
    when: 'When',
    quarters: (start: string | null, end: string | null) =>
      [start && `from ${quarterLabel(start)}`, end && `up to ${quarterLabel(end)}`].filter(Boolean).join(' '),
    lead: 'Lead',
    motion: 'Carries out',
    reportedOn: (date: string) => `Status of ${date}`,
    history: (n: number) => `All statuses (${n})`,
    historyTitle: 'Earlier statuses',
    source: 'Source',
    back: 'Back to all actions',
    update: 'Add a new status',
    statusText: 'How does the action stand?',
    whenText: 'When (for example "Start Q3 2026 looptijd tot eind 2027")',
    reportedOnField: 'Date of this status (yyyy-mm-dd)',
    sourceField: 'Source (for example the progress letter)',
    save: 'Save status',
    saved: 'The new status has been saved.',
    open: 'Add a status',
  },
};

export const actionsPath = '/acties';
export const staffActionsPath = '/beheer/acties';

/** Paragraphs and "- " list lines of a status text, as written. */
export function Prose({ text }: { text: string }) {
  return (
    <div lang="nl">
      {text.split(/\n{2,}/).map((block, index) => {
        const lines = block.split('\n');
        const items = lines.filter((line) => line.startsWith('- '));
        const lead = lines.filter((line) => !line.startsWith('- ')).join(' ');
        return (
          <div key={index}>
            {lead && <p class="utrecht-paragraph">{lead}</p>}
            {items.length > 0 && (
              <ul class="utrecht-unordered-list">
                {items.map((item, i) => (
                  <li key={i}>{item.slice(2)}</li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}

export function UpdateFacts({ update, locale }: { update: StatusUpdate; locale: Locale }) {
  const text = actionTexts[locale];
  const quarters = text.quarters(update.startQuarter, update.endQuarter);
  return (
    <dl class="meedoen-facts">
      <dt>{text.when}</dt>
      <dd>
        <span lang="nl">{update.whenText}</span>
        {quarters && ` (${quarters})`}
      </dd>
      <dt>{text.source}</dt>
      <dd lang="nl">{update.source}</dd>
    </dl>
  );
}

function ActionCard({
  action,
  locale,
  href,
  linkText,
}: {
  action: TrackedAction;
  locale: Locale;
  href: string;
  linkText: string;
}) {
  const text = actionTexts[locale];
  const current = action.updates[0];
  return (
    <li class="meedoen-card" id={action.key}>
      <h3 class="utrecht-heading-3" lang="nl">
        {action.title}
      </h3>
      <dl class="meedoen-facts">
        {action.leadOrganisation && (
          <>
            <dt>{text.lead}</dt>
            <dd lang="nl">{action.leadOrganisation}</dd>
          </>
        )}
        {action.motion && (
          <>
            <dt>{text.motion}</dt>
            <dd lang="nl">{action.motion}</dd>
          </>
        )}
      </dl>
      {current && (
        <>
          <h4 class="utrecht-heading-4">
            {text.status} · {text.reportedOn(formatIsoDate(current.reportedOn, locale))}
          </h4>
          <Prose text={current.statusText} />
          <UpdateFacts update={current} locale={locale} />
        </>
      )}
      <a class="utrecht-link" href={href}>
        {linkText}
        <span class="meedoen-visually-hidden">: {action.title}</span>
      </a>
    </li>
  );
}

export function ByAmbition({
  actions,
  locale,
  link,
}: {
  actions: TrackedAction[];
  locale: Locale;
  link: (a: TrackedAction) => [string, string];
}) {
  return (
    <>
      {ambitionNumbers.map((ambition) => {
        const mine = actions.filter((a) => a.ambition === ambition);
        if (mine.length === 0) return null;
        return (
          <section key={ambition} aria-labelledby={`ambitie-${ambition}`}>
            <h2 class="utrecht-heading-2" id={`ambitie-${ambition}`}>
              {ambitionLabels[locale][ambition]}
            </h2>
            <ul class="meedoen-results">
              {mine.map((action) => {
                const [href, linkText] = link(action);
                return (
                  <ActionCard
                    key={action.key}
                    action={action}
                    locale={locale}
                    href={href}
                    linkText={linkText}
                  />
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export function ActionListPage({ context, actions }: { context: PageContext; actions: TrackedAction[] }) {
  const text = actionTexts[context.locale];
  return (
    <Layout context={context} title={text.title}>
      <h1 class="utrecht-heading-1">{text.title}</h1>
      <p class="utrecht-paragraph">{text.intro}</p>
      <ByAmbition
        actions={actions}
        locale={context.locale}
        link={(a) => [`${actionsPath}/${a.key}`, text.history(a.updates.length)]}
      />
    </Layout>
  );
}

export function History({ action, locale }: { action: TrackedAction; locale: Locale }) {
  const text = actionTexts[locale];
  return (
    <ol class="meedoen-results">
      {action.updates.map((update) => (
        <li class="meedoen-card" key={update.id}>
          <h3 class="utrecht-heading-3">{text.reportedOn(formatIsoDate(update.reportedOn, locale))}</h3>
          <Prose text={update.statusText} />
          <UpdateFacts update={update} locale={locale} />
        </li>
      ))}
    </ol>
  );
}

export function ActionPage({ context, action }: { context: PageContext; action: TrackedAction }) {
  const text = actionTexts[context.locale];
  return (
    <Layout context={context} title={action.title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={actionsPath}>
          {text.back}
        </a>
      </p>
      <h1 class="utrecht-heading-1" lang="nl">
        {action.title}
      </h1>
      <p class="utrecht-paragraph">{ambitionLabels[context.locale][action.ambition]}</p>
      <h2 class="utrecht-heading-2">{text.historyTitle}</h2>
      <History action={action} locale={context.locale} />
    </Layout>
  );
}
