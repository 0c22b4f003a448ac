// Addresses of the handling pages. Only ids and the queue's own filter values go in them: never a name.
export const queuePath = (organisation: string) =>
  `/beheer/organisaties/${encodeURIComponent(organisation)}/aanvragen`;

export const itemPath = (organisation: string, itemId: string) =>
  `${queuePath(organisation)}/${encodeURIComponent(itemId)}`;
