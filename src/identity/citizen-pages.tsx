import type { Locale } from '../platform/i18n.ts';
import { Layout, type PageContext } from '../platform/views/layout.tsx';

const texts: Record<
  Locale,
  { signedIn: string; intro: string; signOut: string; failed: string; again: string }
> = {
  nl: {
    signedIn: 'Je bent ingelogd',
    intro:
      'Je bent ingelogd via je gemeente. Straks zie je hier je aanvragen. We bewaren geen naam en geen BSN, alleen een code.',
    signOut: 'Uitloggen',
    failed: 'Inloggen is niet gelukt',
    again: 'Probeer het opnieuw',
  },
  en: {
    signedIn: 'You are signed in',
    intro:
      'You signed in through your municipality. Soon you will see your applications here. We keep no name and no BSN, only a code.',
    signOut: 'Sign out',
    failed: 'Signing in did not work',
    again: 'Try again',
  },
};

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
