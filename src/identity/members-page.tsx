import type { Translations } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField, textInput } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { invitableRoles, type Member } from './members.ts';
import { identityMessages } from './messages.ts';
import { SessionBar } from './pages.tsx';
import type { ActiveSession } from './sessions.ts';

export type MembersNotice = 'invited' | 'removed';

export const memberMessages: Translations<{
  title: (organisation: string) => string;
  intro: string;
  caption: string;
  name: string;
  email: string;
  roles: string;
  status: string;
  action: string;
  invited: string;
  active: string;
  remove: string;
  none: string;
  inviteTitle: string;
  inviteIntro: string;
  role: string;
  chooseRole: string;
  invite: string;
  notices: Record<MembersNotice, string>;
  errors: {
    email_missing: string;
    email_invalid: string;
    name_missing: string;
    name_too_long: string;
    role_invalid: string;
    last_coordinator: string;
  };
}> = {
  nl: {
    title: (organisation) => `Leden van ${organisation}`,
    intro:
      'Hier zie je wie namens je organisatie met Meedoen werkt. Je kunt iemand uitnodigen of verwijderen.',
    caption: 'Leden en hun rollen',
    name: 'Naam',
    email: 'E-mailadres',
    roles: 'Rollen',
    status: 'Status',
    action: 'Actie',
    invited: 'Uitgenodigd',
    active: 'Actief',
    remove: 'Verwijderen',
    none: 'Je organisatie heeft nog geen leden.',
    inviteTitle: 'Iemand uitnodigen',
    inviteIntro: 'De persoon krijgt een e-mail met een link. De link werkt één keer, 7 dagen lang.',
    role: 'Rol',
    chooseRole: 'Kies een rol',
    invite: 'Uitnodiging sturen',
    notices: {
      invited: 'De uitnodiging is verstuurd.',
      removed: 'De persoon is uit je organisatie verwijderd.',
    },
    errors: {
      email_missing: 'Vul het e-mailadres in.',
      email_invalid: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
      name_missing: 'Vul de naam in.',
      name_too_long: 'De naam is te lang. Gebruik hoogstens 200 tekens.',
      role_invalid: 'Kies een rol.',
      last_coordinator:
        'Je kunt jezelf niet verwijderen: je organisatie heeft dan geen coördinator meer. Nodig eerst een andere coördinator uit.',
    },
  },
  en: {
    title: (organisation) => `Members of ${organisation}`,
    intro: 'This shows who works with Meedoen for your organisation. You can invite or remove someone.',
    caption: 'Members and their roles',
    name: 'Name',
    email: 'E-mail address',
    roles: 'Roles',
    status: 'Status',
    action: 'Action',
    invited: 'Invited',
    active: 'Active',
    remove: 'Remove',
    none: 'Your organisation has no members yet.',
    inviteTitle: 'Invite someone',
    inviteIntro: 'The person gets an e-mail with a link. The link works once, for 7 days.',
    role: 'Role',
    chooseRole: 'Choose a role',
    invite: 'Send invitation',
    notices: {
      invited: 'The invitation has been sent.',
      removed: 'The person has been removed from your organisation.',
    },
    errors: {
      email_missing: 'Enter the e-mail address.',
      email_invalid: 'Enter an e-mail address like name@example.com.',
      name_missing: 'Enter the name.',
      name_too_long: 'The name is too long. Use at most 200 characters.',
      role_invalid: 'Choose a role.',
      last_coordinator:
        'You cannot remove yourself: your organisation would have no coordinator. Invite another coordinator first.',
    },
  },
};

export type InviteValues = { email: string; name: string; role: string };

type Props = {
  context: PageContext;
  session: ActiveSession;
  csrf: string;
  organisationKey: string;
  members: Member[];
  errors?: FieldError[];
  values?: InviteValues;
  notice?: MembersNotice;
};

const fieldError = (errors: FieldError[], field: string) => errors.find((e) => e.field === field);

/** A coordinator's page of their organisation's members: the list, removing, and inviting. */
export function MembersPage({
  context,
  session,
  csrf,
  organisationKey,
  members,
  errors = [],
  values = { email: '', name: '', role: '' },
  notice,
}: Props) {
  const text = memberMessages[context.locale];
  const roleNames = identityMessages[context.locale].roles;
  const base = `/beheer/organisaties/${encodeURIComponent(organisationKey)}/leden`;
  const title = text.title(organisationKey);
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${title}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{title}</h1>
      {notice && (
        <div class="meedoen-notice" role="status">
          <p class="utrecht-paragraph">{text.notices[notice]}</p>
        </div>
      )}
      <p class="utrecht-paragraph">{text.intro}</p>
      <ErrorSummary errors={errors} locale={context.locale} />
      {members.length === 0 ? (
        <p class="utrecht-paragraph">{text.none}</p>
      ) : (
        <div
          id="leden"
          class="utrecht-table-container meedoen-table-scroll"
          tabIndex={0}
          role="region"
          aria-label={text.caption}
        >
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">{text.caption}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {text.name}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {text.email}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {text.roles}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {text.status}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {text.action}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {members.map((member) => (
                <tr class="utrecht-table__row" key={member.personId}>
                  <td class="utrecht-table__cell">{member.name}</td>
                  <td class="utrecht-table__cell">{member.email}</td>
                  <td class="utrecht-table__cell">
                    {member.roles.map((role) => roleNames[role]).join(', ')}
                  </td>
                  <td class="utrecht-table__cell">{member.invited ? text.invited : text.active}</td>
                  <td class="utrecht-table__cell">
                    <form method="post" action={`${base}/${member.personId}/verwijderen`}>
                      <input type="hidden" name="_csrf" value={csrf} />
                      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                        {text.remove}
                        <span class="meedoen-visually-hidden">{` ${member.name}`}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="utrecht-heading-2">{text.inviteTitle}</h2>
      <p class="utrecht-paragraph">{text.inviteIntro}</p>
      <form class="meedoen-form" method="post" action={base} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <FormField id="email" label={text.email} error={fieldError(errors, 'email')}>
          {textInput({ id: 'email', type: 'email', autocomplete: 'off', value: values.email })}
        </FormField>
        <FormField id="name" label={text.name} error={fieldError(errors, 'name')}>
          {textInput({ id: 'name', type: 'text', autocomplete: 'off', value: values.name })}
        </FormField>
        <FormField id="role" label={text.role} error={fieldError(errors, 'role')}>
          {(describedBy, invalid) => (
            <select
              class="utrecht-select utrecht-select--html-select"
              id="role"
              name="role"
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            >
              <option value="" selected={values.role === ''}>
                {text.chooseRole}
              </option>
              {invitableRoles.map((role) => (
                <option key={role} value={role} selected={values.role === role}>
                  {roleNames[role]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.invite}
        </button>
      </form>
    </Layout>
  );
}
