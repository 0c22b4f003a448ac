// Addresses of the intermediary's pages. Only ids go in them: never a name, postcode or other typed data.
export const caseloadPath = (organisation: string) =>
  `/beheer/organisaties/${encodeURIComponent(organisation)}/caseload`;

export const draftPath = (organisation: string, draftId: string, step: string) =>
  `${caseloadPath(organisation)}/concepten/${encodeURIComponent(draftId)}/${step}`;

export const applicationPath = (organisation: string, applicationId: string) =>
  `${caseloadPath(organisation)}/aanvragen/${encodeURIComponent(applicationId)}`;

export const itemActionPath = (organisation: string, applicationId: string, itemId: string, action: string) =>
  `${applicationPath(organisation, applicationId)}/onderdelen/${encodeURIComponent(itemId)}/${action}`;
