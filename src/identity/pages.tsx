import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField, textInput } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { identityMessages } from './messages.ts';
import { assetUrl } from '../platform/assets.ts';
import { defaultSessionLimits } from './session-policy.ts';
import { staffTasks } from './staff-tasks.ts';
import type { ActiveSession } from './sessions.ts';

const fieldError = (errors: FieldError[], field: string) => errors.find((e) => e.field === field);

type FormPageProps = { context: PageContext; errors?: FieldError[] };

export function SignInPage({
  context,
  errors = [],
  email = '',
  notice,
}: FormPageProps & { email?: string; notice?: string }) {
  const text = identityMessages[context.locale];
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${text.signInTitle}`}>
      <h1 class="utrecht-heading-1">{text.signInTitle}</h1>
      {notice && (
        <div class="meedoen-notice" role="status">
          <p class="utrecht-paragraph">{notice}</p>
        </div>
      )}
      <p class="utrecht-paragraph">{text.forStaff}</p>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form class="meedoen-form" method="post" action="/inloggen" novalidate>
        <FormField id="email" label={text.email} error={fieldError(errors, 'email')}>
          {textInput({ id: 'email', type: 'email', autocomplete: 'username', value: email })}
        </FormField>
        <FormField id="password" label={text.password} error={fieldError(errors, 'password')}>
          {textInput({ id: 'password', type: 'password', autocomplete: 'current-password' })}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.signIn}
        </button>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/wachtwoord-vergeten">
          {text.forgotPassword}
        </a>
      </p>
    </Layout>
  );
}

export function CodePage({ context, errors = [], csrf }: FormPageProps & { csrf: string }) {
  const text = identityMessages[context.locale];
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${text.codeTitle}`}>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form class="meedoen-form" method="post" action="/inloggen/code" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <FormField
          id="code"
          label={text.codeTitle}
          hint={text.codeHint}
          error={fieldError(errors, 'code')}
          labelAsHeading
        >
          {textInput({ id: 'code', type: 'text', autocomplete: 'one-time-code', inputMode: 'numeric' })}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.confirm}
        </button>
      </form>
    </Layout>
  );
}

export function EnrolPage({
  context,
  errors = [],
  csrf,
  secret,
  uri,
}: FormPageProps & { csrf: string; secret: string; uri: string }) {
  const text = identityMessages[context.locale];
  const grouped = secret.match(/.{1,4}/g)?.join(' ') ?? secret;
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${text.enrolTitle}`}>
      <h1 class="utrecht-heading-1">{text.enrolTitle}</h1>
      <p class="utrecht-paragraph">{text.enrolIntro}</p>
      <p class="utrecht-paragraph">
        {text.enrolSecret}: <code class="meedoen-secret">{grouped}</code>
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={uri}>
          {text.enrolLink}
        </a>
      </p>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form class="meedoen-form" method="post" action="/inloggen/instellen" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <FormField id="code" label={text.codeLabel} hint={text.codeHint} error={fieldError(errors, 'code')}>
          {textInput({ id: 'code', type: 'text', autocomplete: 'one-time-code', inputMode: 'numeric' })}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.confirm}
        </button>
      </form>
    </Layout>
  );
}

const timeFormats = {
  nl: new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }),
};

/** Shows when the session ends and lets the person stay signed in with one button (WCAG 2.2.1). */
export function SessionBar({
  context,
  session,
  csrf,
}: {
  context: PageContext;
  session: ActiveSession;
  csrf: string;
}) {
  const text = identityMessages[context.locale];
  const time = timeFormats[context.locale].format(session.idleEndsAt);
  return (
    <div
      class={`meedoen-session${session.warn ? ' meedoen-notice' : ''}`}
      role={session.warn ? 'alert' : undefined}
      data-session-ends={session.idleEndsAt.toISOString()}
      data-warn-seconds={String(defaultSessionLimits.warnBeforeSeconds)}
      data-warning={text.sessionWarning(time)}
    >
      <p class="utrecht-paragraph">{session.warn ? text.sessionWarning(time) : text.sessionEnds(time)}</p>
      <div class="meedoen-buttons">
        <form method="post" action="/sessie/verlengen">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="terug" value={context.path} />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            {text.extend}
          </button>
        </form>
        <form method="post" action="/uitloggen">
          <input type="hidden" name="_csrf" value={csrf} />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            {text.signOut}
          </button>
        </form>
      </div>
      <script src={assetUrl('session.js')} defer />
    </div>
  );
}

export function StaffHomePage({
  context,
  session,
  csrf,
}: {
  context: PageContext;
  session: ActiveSession;
  csrf: string;
}) {
  const text = identityMessages[context.locale];
  const tasks = staffTasks(session.memberships, context.locale);
  return (
    <Layout context={context} title={text.staffTitle(session.person.displayName)}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{text.staffTitle(session.person.displayName)}</h1>
      {tasks.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">{text.yourTasks}</h2>
          <ul class="utrecht-unordered-list">
            {tasks.map((task) => (
              <li key={task.href}>
                <a class="utrecht-link" href={task.href}>
                  {task.label}
                </a>
                {task.organisation ? ` (${task.organisation})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 class="utrecht-heading-2">{text.yourRoles}</h2>
      {session.memberships.length === 0 ? (
        <p class="utrecht-paragraph">{text.noRoles}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {session.memberships.map((m) => (
            <li key={`${m.organisationKey}:${m.role}`}>
              {text.roles[m.role]}
              {m.organisationKey ? ` (${m.organisationKey})` : ''}
            </li>
          ))}
        </ul>
      )}
      <form method="post" action="/uitloggen/overal">
        <input type="hidden" name="_csrf" value={csrf} />
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
          {text.signOutEverywhere}
        </button>
      </form>
    </Layout>
  );
}

export function InvitationPage({
  context,
  errors = [],
  name,
  token,
}: FormPageProps & { name: string; token: string }) {
  const text = identityMessages[context.locale];
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${text.invitationTitle}`}>
      <h1 class="utrecht-heading-1">{text.invitationTitle}</h1>
      <p class="utrecht-paragraph">{text.invitationIntro(name)}</p>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form class="meedoen-form" method="post" action={`/uitnodiging/${token}`} novalidate>
        <FormField
          id="password"
          label={text.newPassword}
          hint={text.newPasswordHint}
          error={fieldError(errors, 'password')}
        >
          {textInput({ id: 'password', type: 'password', autocomplete: 'new-password' })}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.setPassword}
        </button>
      </form>
    </Layout>
  );
}

export function InvitationInvalidPage({ context }: { context: PageContext }) {
  const text = identityMessages[context.locale];
  return (
    <Layout context={context} title={text.invitationInvalid}>
      <h1 class="utrecht-heading-1">{text.invitationInvalid}</h1>
    </Layout>
  );
}

/** A state-changing staff form without this session's token: nothing was changed. */
export function FormExpiredPage({
  context,
  session,
  csrf,
}: {
  context: PageContext;
  session: ActiveSession;
  csrf: string;
}) {
  const text = identityMessages[context.locale];
  return (
    <Layout context={context} title={text.formExpired}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{text.formExpired}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer">
          {text.toStaffHome}
        </a>
      </p>
    </Layout>
  );
}
