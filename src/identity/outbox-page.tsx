import type { OutboxEntry } from '../platform/mail/index.ts';
import { Layout, type PageContext } from '../platform/views/layout.tsx';

const texts = {
  nl: {
    title: 'Uitgaande e-mail',
    intro: 'Zonder mailserver blijft e-mail hier staan. Stuur een uitnodiging dan zelf door.',
    recipient: 'Aan',
    subject: 'Onderwerp',
    status: 'Status',
    created: 'Gemaakt',
    statuses: { sent: 'Verstuurd', waiting: 'Wacht', failed: 'Mislukt' },
    empty: 'Er is geen e-mail.',
  },
  en: {
    title: 'Outgoing e-mail',
    intro: 'Without a mail server, e-mail stays here. Forward an invitation yourself.',
    recipient: 'To',
    subject: 'Subject',
    status: 'Status',
    created: 'Created',
    statuses: { sent: 'Sent', waiting: 'Waiting', failed: 'Failed' },
    empty: 'There is no e-mail.',
  },
};

const dateTime = {
  nl: new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }),
};

/** The platform admin's view of the outbox: what was sent, what waits, what failed (bodies stay closed). */
export function OutboxPage({ context, entries }: { context: PageContext; entries: OutboxEntry[] }) {
  const text = texts[context.locale];
  return (
    <Layout context={context} title={text.title}>
      <h1 class="utrecht-heading-1">{text.title}</h1>
      <p class="utrecht-paragraph">{text.intro}</p>
      {entries.length === 0 ? (
        <p class="utrecht-paragraph">{text.empty}</p>
      ) : (
        <div
          class="utrecht-table-container meedoen-table-scroll"
          tabIndex={0}
          role="region"
          aria-label={text.title}
        >
          <table class="utrecht-table utrecht-table--html-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {text.created}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {text.recipient}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {text.subject}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {text.status}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {entries.map((entry) => (
                <tr class="utrecht-table__row" key={entry.id}>
                  <td class="utrecht-table__cell">{dateTime[context.locale].format(entry.createdAt)}</td>
                  <td class="utrecht-table__cell">{entry.recipient}</td>
                  <td class="utrecht-table__cell">{entry.subject}</td>
                  <td class="utrecht-table__cell">{text.statuses[entry.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
