import type { Locale } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';

type Texts = {
  signedIn: string;
  intro: string;
  signOut: string;
  failed: string;
  again: string;
  chooseTitle: string;
  chooseIntro: string;
  chooseLabel: string;
  chooseHint: string;
  choosePrompt: string;
  chooseContinue: string;
  chooseMissing: string;
  chooseUnknown: string;
  notYetTitle: (municipality: string) => string;
  notYetIntro: string;
  notYetProvisions: (municipality: string) => string;
  notYetOther: string;
  leavingTitle: (provider: string) => string;
  leavingIntro: string;
  leavingContinue: string;
};

const texts: Record<Locale, Texts> = {
  nl: {
    signedIn: 'Je bent ingelogd',
    intro:
      'Je bent ingelogd via je gemeente. Straks zie je hier je aanvragen. We bewaren geen naam en geen BSN, alleen een code.',
    signOut: 'Uitloggen',
    failed: 'Inloggen is niet gelukt',
    again: 'Probeer het opnieuw',
    chooseTitle: 'Inloggen via je gemeente',
    chooseIntro:
      'Je logt in met DigiD. Dat gaat via de gemeente waar je woont. Kies eerst je gemeente. Daarna ga je naar de inlogpagina.',
    chooseLabel: 'In welke gemeente woon je?',
    chooseHint: 'Hier staan alleen de gemeenten waar je al kunt inloggen.',
    choosePrompt: 'Kies je gemeente',
    chooseContinue: 'Verder naar inloggen',
    chooseMissing: 'Kies de gemeente waar je woont.',
    chooseUnknown: 'Deze gemeente kennen we niet. Kies je gemeente uit de lijst.',
    notYetTitle: (municipality) => `In ${municipality} kun je nog niet inloggen`,
    notYetIntro:
      'Deze gemeente heeft inloggen bij Meedoen nog niet geregeld. Je hebt geen account nodig om te zien wat er is voor je kinderen.',
    notYetProvisions: (municipality) => `Bekijk wat er is in ${municipality}`,
    notYetOther: 'Kies een andere gemeente',
    leavingTitle: (provider) => `Je gaat naar ${provider}`,
    leavingIntro:
      'Daar log je in met DigiD. Daarna kom je terug bij Meedoen. Gaat dit niet vanzelf? Kies dan de knop.',
    leavingContinue: 'Verder naar inloggen',
  },
  en: {
    signedIn: 'You are signed in',
    intro:
      'You signed in through your municipality. Soon you will see your applications here. We keep no name and no BSN, only a code.',
    signOut: 'Sign out',
    failed: 'Signing in did not work',
    again: 'Try again',
    chooseTitle: 'Sign in through your municipality',
    chooseIntro:
      'You sign in with DigiD, through the municipality where you live. First choose your municipality. Then you go to the sign-in page.',
    chooseLabel: 'Which municipality do you live in?',
    chooseHint: 'Only the municipalities where you can already sign in are listed.',
    choosePrompt: 'Choose your municipality',
    chooseContinue: 'Continue to sign in',
    chooseMissing: 'Choose the municipality where you live.',
    chooseUnknown: 'We do not know this municipality. Choose yours from the list.',
    notYetTitle: (municipality) => `You cannot sign in for ${municipality} yet`,
    notYetIntro:
      'This municipality has not set up signing in to Meedoen yet. You need no account to see what there is for your children.',
    notYetProvisions: (municipality) => `See what there is in ${municipality}`,
    notYetOther: 'Choose another municipality',
    leavingTitle: (provider) => `You are going to ${provider}`,
    leavingIntro:
      'You sign in there with DigiD. Then you come back to Meedoen. If this does not happen by itself, use the button.',
    leavingContinue: 'Continue to sign in',
  },
};

export type ChoiceProblem = 'missing' | 'unknown';

/** The field error of the municipality choice, in the page's language. */
export function choiceError(problem: ChoiceProblem, locale: Locale): FieldError {
  const text = texts[locale];
  return {
    field: 'gemeente',
    code: `citizen_municipality_${problem}`,
    message: problem === 'missing' ? text.chooseMissing : text.chooseUnknown,
  };
}

type MunicipalityOption = { code: string; name: string };

/** Where someone chooses their municipality, so they are sent to the provider it configured. */
export function CitizenChooseMunicipalityPage({
  context,
  municipalities,
  error,
}: {
  context: PageContext;
  municipalities: MunicipalityOption[];
  error?: FieldError;
}) {
  const text = texts[context.locale];
  const errors = error ? [error] : [];
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${text.chooseTitle}`}>
      <h1 class="utrecht-heading-1">{text.chooseTitle}</h1>
      <p class="utrecht-paragraph">{text.chooseIntro}</p>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form class="meedoen-form" method="get" action="/inloggen/burger" novalidate>
        <FormField id="gemeente" label={text.chooseLabel} hint={text.chooseHint} error={error}>
          {(describedBy, invalid) => (
            <select
              class="utrecht-select utrecht-select--html-select"
              id="gemeente"
              name="gemeente"
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            >
              <option value="">{text.choosePrompt}</option>
              {municipalities.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.chooseContinue}
        </button>
      </form>
    </Layout>
  );
}

/** Shown for a moment while the browser goes on to the provider; the button is for when it does not. */
export function CitizenLeavingPage({
  context,
  provider,
  href,
}: {
  context: PageContext;
  provider: string;
  href: string;
}) {
  const text = texts[context.locale];
  return (
    <Layout context={context} title={text.leavingTitle(provider)}>
      <h1 class="utrecht-heading-1">{text.leavingTitle(provider)}</h1>
      <p class="utrecht-paragraph">{text.leavingIntro}</p>
      <p class="utrecht-paragraph">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href={href}
        >
          {text.leavingContinue}
        </a>
      </p>
    </Layout>
  );
}

/** A municipality that has not configured a provider: say so, and show what needs no sign-in. */
export function CitizenNoProviderPage({
  context,
  municipality,
}: {
  context: PageContext;
  municipality: MunicipalityOption;
}) {
  const text = texts[context.locale];
  const provisions = `/voorzieningen?${new URLSearchParams({ municipality: municipality.code }).toString()}`;
  return (
    <Layout context={context} title={text.notYetTitle(municipality.name)}>
      <h1 class="utrecht-heading-1">{text.notYetTitle(municipality.name)}</h1>
      <p class="utrecht-paragraph">{text.notYetIntro}</p>
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href={provisions}>
            {text.notYetProvisions(municipality.name)}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href="/inloggen/burger">
            {text.notYetOther}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

export function CitizenHomePage({ context, csrf }: { context: PageContext; csrf: string }) {
  const text = texts[context.locale];
  return (
    <Layout context={context} title={text.signedIn}>
      <h1 class="utrecht-heading-1">{text.signedIn}</h1>
      <p class="utrecht-paragraph">{text.intro}</p>
      <form method="post" action="/mijn/uitloggen">
        <input type="hidden" name="_csrf" value={csrf} />
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
          {text.signOut}
        </button>
      </form>
    </Layout>
  );
}

export function CitizenSignInFailedPage({ context }: { context: PageContext }) {
  const text = texts[context.locale];
  return (
    <Layout context={context} title={text.failed}>
      <h1 class="utrecht-heading-1">{text.failed}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/inloggen/burger">
          {text.again}
        </a>
      </p>
    </Layout>
  );
}
