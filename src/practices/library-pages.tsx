import { ambitionLabels, ambitionNumbers } from '../actions/index.ts';
import { lifeDomainLabels, lifeDomains } from '../insight/index.ts';
import type { Locale } from '../platform/i18n.ts';
import { FormField, textInput } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { selectBox, textArea } from '../platform/views/more-fields.tsx';
import { StatusNotice } from '../platform/views/notice.tsx';
import { practiceMessages } from './messages.ts';
import { PracticeCard, PracticeTitle } from './practice-parts.tsx';
import { PracticeBody } from './practice-view.tsx';
import type { Practice, Reaction } from './store.ts';

export const libraryPath = '/goede-voorbeelden';

export type LibraryFilters = { q: string; ambitie: string; leefgebied: string };

export function LibraryPage(props: {
  context: PageContext;
  filters: LibraryFilters;
  results: Practice[];
  organisationNames: Map<string, string>;
}) {
  const { context, filters, results, organisationNames } = props;
  const locale = context.locale;
  const text = practiceMessages[locale];
  return (
    <Layout context={context} title={text.libraryTitle}>
      <h1 class="utrecht-heading-1">{text.libraryTitle}</h1>
      <p class="utrecht-paragraph">{text.libraryIntro}</p>
      <form class="meedoen-filters" method="get" action={libraryPath} role="search">
        <FormField id="q" label={text.search} hint={text.searchHint}>
          {textInput({ id: 'q', value: filters.q })}
        </FormField>
        <FormField id="ambitie" label={text.ambition}>
          {selectBox({
            id: 'ambitie',
            value: filters.ambitie,
            empty: text.any,
            options: ambitionNumbers.map((n) => ({ value: String(n), label: ambitionLabels[locale][n]! })),
          })}
        </FormField>
        <FormField id="leefgebied" label={text.domain}>
          {selectBox({
            id: 'leefgebied',
            value: filters.leefgebied,
            empty: text.any,
            options: lifeDomains.map((d) => ({ value: d, label: lifeDomainLabels[locale][d] })),
          })}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.find}
        </button>
      </form>
      <h2 class="utrecht-heading-2" aria-live="polite">
        {results.length === 0 ? text.none : text.found(results.length)}
      </h2>
      <ul class="meedoen-results">
        {results.map((practice) => (
          <PracticeCard
            key={practice.id}
            practice={practice}
            heading="h3"
            href={`${libraryPath}/${practice.id}`}
            linkText={text.read}
          >
            <p class="utrecht-paragraph">
              {text.by(organisationNames.get(practice.organisationKey) ?? practice.organisationKey)}
            </p>
            <p class="utrecht-paragraph" lang="nl">
              {practice.summary}
            </p>
          </PracticeCard>
        ))}
      </ul>
    </Layout>
  );
}

function Reactions({
  reactions,
  names,
  locale,
}: {
  reactions: Reaction[];
  names: Map<string, string>;
  locale: Locale;
}) {
  const text = practiceMessages[locale];
  if (reactions.length === 0) return <p class="utrecht-paragraph">{text.triedNobody}</p>;
  return (
    <>
      <p class="utrecht-paragraph">{text.triedBy(reactions.length)}</p>
      <ul class="utrecht-unordered-list">
        {reactions.map((reaction, index) => (
          <li key={index}>
            {names.get(reaction.organisationKey) ?? reaction.organisationKey}
            {reaction.note && (
              <>
                {': '}
                <span lang="nl">{reaction.note}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function PublishedPracticePage(props: {
  context: PageContext;
  practice: Practice;
  organisationNames: Map<string, string>;
  reactions: Reaction[];
  /** The form token of a signed-in professional who may react; null for everyone else. */
  reactCsrf: string | null;
  reacted: boolean;
}) {
  const { context, practice, organisationNames, reactions, reactCsrf, reacted } = props;
  const text = practiceMessages[context.locale];
  return (
    <Layout context={context} title={practice.title}>
      <PracticeTitle title={practice.title} back={libraryPath} backText={text.back} />
      <p class="utrecht-paragraph">
        {text.by(organisationNames.get(practice.organisationKey) ?? practice.organisationKey)}
      </p>
      {reacted && <StatusNotice>{text.trySaved}</StatusNotice>}
      <PracticeBody practice={practice} locale={context.locale} />
      <h2 class="utrecht-heading-2">{text.tryTitle}</h2>
      <Reactions reactions={reactions} names={organisationNames} locale={context.locale} />
      {reactCsrf ? (
        <form class="meedoen-form" method="post" action={`${libraryPath}/${practice.id}/ook-geprobeerd`}>
          <input type="hidden" name="_csrf" value={reactCsrf} />
          <FormField id="note" label={text.tryNote}>
            {textArea({ id: 'note', rows: 3 })}
          </FormField>
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            {text.tryButton}
          </button>
        </form>
      ) : (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/inloggen">
            {text.signInToReact}
          </a>
        </p>
      )}
    </Layout>
  );
}
