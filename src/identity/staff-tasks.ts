import type { Locale } from '../platform/i18n.ts';
import { can, type Action, type Actor } from './policy.ts';
import type { Membership } from './store.ts';

type Task = { action: Action; path: (organisation: string) => string; label: Record<Locale, string> };

const organisationPath = (organisation: string, page: string) =>
  `/beheer/organisaties/${encodeURIComponent(organisation)}/${page}`;

// The staff pages a role leads to; the policy decides which a person sees, so a link never leads to a 404.
const tasks: Task[] = [
  {
    action: 'applications.apply',
    path: (org) => organisationPath(org, 'caseload'),
    label: { nl: 'Aanvragen voor gezinnen', en: 'Applications for families' },
  },
  {
    action: 'applications.handle',
    path: (org) => organisationPath(org, 'aanvragen'),
    label: { nl: 'Aanvragen behandelen', en: 'Handle applications' },
  },
  {
    action: 'deliveries.import',
    path: (org) => organisationPath(org, 'leveringen'),
    label: { nl: 'Leveringen importeren (CSV of Excel)', en: 'Import deliveries (CSV or Excel)' },
  },
  {
    action: 'members.manage',
    path: (org) => organisationPath(org, 'leden'),
    label: { nl: 'Leden en hun rollen', en: 'Members and their roles' },
  },
  {
    action: 'catalogue.edit',
    path: (org) => organisationPath(org, 'voorzieningen'),
    label: { nl: 'Voorzieningen', en: 'Provisions' },
  },
  {
    action: 'schemes.edit',
    path: (org) => organisationPath(org, 'regelingen'),
    label: { nl: 'Regelingen (wie kan wat krijgen)', en: 'Schemes (who can get what)' },
  },
  {
    action: 'processing_log.search',
    path: () => '/beheer/verwerkingen',
    label: { nl: 'Verwerkingen van persoonsgegevens', en: 'Processing of personal data' },
  },
  {
    action: 'insight.record',
    path: (org) => organisationPath(org, 'inzicht'),
    label: { nl: 'Portret of signaal vastleggen', en: 'Record a portrait or signal' },
  },
  {
    action: 'insight.read',
    path: () => '/beheer/inzicht',
    label: { nl: 'Portretten en signalen lezen', en: 'Read portraits and signals' },
  },
  {
    action: 'practices.submit',
    path: (org) => organisationPath(org, 'goede-voorbeelden'),
    label: { nl: 'Goede voorbeelden insturen', en: 'Submit good practices' },
  },
  {
    action: 'practices.review',
    path: () => '/beheer/goede-voorbeelden',
    label: { nl: 'Goede voorbeelden beoordelen', en: 'Review good practices' },
  },
  {
    action: 'actions.edit',
    path: () => '/beheer/acties',
    label: { nl: 'Acties tegen kinderarmoede bijwerken', en: 'Update the actions against child poverty' },
  },
  {
    action: 'mail.outbox.read',
    path: () => '/beheer/uitgaande-mail',
    label: { nl: 'Uitgaande e-mail', en: 'Outgoing e-mail' },
  },
];

export type StaffTaskLink = { href: string; label: string; organisation: string | null };

/** What a signed-in staff member can open, per organisation they belong to. */
export function staffTasks(memberships: Membership[], locale: Locale): StaffTaskLink[] {
  const actor: Actor = { kind: 'staff', personId: '', memberships, secondFactorDone: true };
  const organisations = [...new Set(memberships.map((m) => m.organisationKey).filter(Boolean))];
  const links: StaffTaskLink[] = [];
  for (const task of tasks) {
    for (const organisation of organisations) {
      if (can(actor, task.action, { organisationKey: organisation }) && !can(actor, task.action))
        links.push({ href: task.path(organisation), label: task.label[locale], organisation });
    }
    if (can(actor, task.action))
      links.push({ href: task.path(''), label: task.label[locale], organisation: null });
  }
  return links;
}
