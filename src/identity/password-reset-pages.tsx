import type { Translations } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { identityMessages } from './messages.ts';
import { RESET_VALID_MINUTES } from './password-reset.ts';

export const passwordResetMessages: Translations<{
  forgotTitle: string;
  forgotIntro: string;
  send: string;
  emailMissing: string;
  emailInvalid: string;
  requestedTitle: string;
  requestedText: string;
  requestedSpam: string;
  backToSignIn: string;
  resetTitle: string;
  resetIntro: string;
  invalidTitle: string;
  invalidText: string;
  askAgain: string;
}> = {
  nl: {
    forgotTitle: 'Wachtwoord vergeten',
    forgotIntro:
      'Vul het e-mailadres in waarmee je inlogt. Je krijgt dan een e-mail met een link om een nieuw wachtwoord te kiezen.',
    send: 'Stuur de link',
    emailMissing: 'Vul je e-mailadres in.',
    emailInvalid: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
    requestedTitle: 'Kijk in je e-mail',
    requestedText: `Als er een account is met dit e-mailadres, krijg je een e-mail met een link. De link werkt ${RESET_VALID_MINUTES} minuten.`,
    requestedSpam: 'Geen e-mail gekregen? Kijk ook bij ongewenste e-mail, of vraag het over een uur opnieuw.',
    backToSignIn: 'Terug naar inloggen',
    resetTitle: 'Kies een nieuw wachtwoord',
    resetIntro:
      'Na het opslaan word je overal uitgelogd. Log daarna in met je nieuwe wachtwoord en de code uit je app.',
    invalidTitle: 'Deze link werkt niet meer',
    invalidText: `Een link werkt één keer en ${RESET_VALID_MINUTES} minuten lang. Vraag een nieuwe link aan.`,
    askAgain: 'Vraag een nieuwe link aan',
  },
  en: {
    forgotTitle: 'Forgot your password',
    forgotIntro:
      'Enter the e-mail address you sign in with. You will get an e-mail with a link to choose a new password.',
    send: 'Send the link',
    emailMissing: 'Enter your e-mail address.',
    emailInvalid: 'Enter an e-mail address like name@example.com.',
    requestedTitle: 'Check your e-mail',
    requestedText: `If there is an account with this e-mail address, you will get an e-mail with a link. The link works for ${RESET_VALID_MINUTES} minutes.`,
    requestedSpam: 'No e-mail? Also look in your junk mail, or ask again in an hour.',
    backToSignIn: 'Back to sign in',
    resetTitle: 'Choose a new password',
    resetIntro:
      'After saving, you are signed out everywhere. Then sign in with your new password and the code from your app.',
    invalidTitle: 'This link no longer works',
    invalidText: `A link works once, for ${RESET_VALID_MINUTES} minutes. Ask for a new link.`,
    askAgain: 'Ask for a new link',
  },
};

const fieldError = (errors: FieldError[], field: string) => errors.find((e) => e.field === field);

type FormPageProps = { context: PageContext; errors?: FieldError[] };

export function ForgotPasswordPage({ context, errors = [], email = '' }: FormPageProps & { email?: string }) {
  const text = passwordResetMessages[context.locale];
  const error = fieldError(errors, 'email');
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${text.forgotTitle}`}>
      <h1 class="utrecht-heading-1">{text.forgotTitle}</h1>
      <p class="utrecht-paragraph">{text.forgotIntro}</p>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form class="meedoen-form" method="post" action="/wachtwoord-vergeten" novalidate>
        <FormField id="email" label={identityMessages[context.locale].email} error={error}>
          {(describedBy, invalid) => (
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              value={email}
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.send}
        </button>
      </form>
    </Layout>
  );
}

/** The one answer to every well-formed request, whether or not an account exists or a mail was sent. */
export function ResetRequestedPage({ context }: { context: PageContext }) {
  const text = passwordResetMessages[context.locale];
  return (
    <Layout context={context} title={text.requestedTitle}>
      <h1 class="utrecht-heading-1">{text.requestedTitle}</h1>
      <p class="utrecht-paragraph">{text.requestedText}</p>
      <p class="utrecht-paragraph">{text.requestedSpam}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/inloggen">
          {text.backToSignIn}
        </a>
      </p>
    </Layout>
  );
}

export function ResetPasswordPage({ context, errors = [], token }: FormPageProps & { token: string }) {
  const text = passwordResetMessages[context.locale];
  const identity = identityMessages[context.locale];
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${text.resetTitle}`}>
      <h1 class="utrecht-heading-1">{text.resetTitle}</h1>
      <p class="utrecht-paragraph">{text.resetIntro}</p>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form
        class="meedoen-form"
        method="post"
        action={`/wachtwoord-herstellen/${encodeURIComponent(token)}`}
        novalidate
      >
        <FormField
          id="password"
          label={identity.newPassword}
          hint={identity.newPasswordHint}
          error={fieldError(errors, 'password')}
        >
          {(describedBy, invalid) => (
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id="password"
              name="password"
              type="password"
              autocomplete="new-password"
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {identity.setPassword}
        </button>
      </form>
    </Layout>
  );
}

export function ResetInvalidPage({ context }: { context: PageContext }) {
  const text = passwordResetMessages[context.locale];
  return (
    <Layout context={context} title={text.invalidTitle}>
      <h1 class="utrecht-heading-1">{text.invalidTitle}</h1>
      <p class="utrecht-paragraph">{text.invalidText}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/wachtwoord-vergeten">
          {text.askAgain}
        </a>
      </p>
    </Layout>
  );
}
