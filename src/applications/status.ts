import type { itemStatuses } from './schema.ts';

export type ItemStatus = (typeof itemStatuses)[number];
export type ActorKind = 'family' | 'staff' | 'system';

// Who may move an item from one status to the next. The family (or its intermediary) answers questions and
// may withdraw until delivery; the handling organisation does the rest.
const transitions: Record<ItemStatus, Partial<Record<ItemStatus, readonly ActorKind[]>>> = {
  submitted: {
    in_progress: ['staff'],
    information_requested: ['staff'],
    granted: ['staff'],
    refused: ['staff'],
    withdrawn: ['family'],
  },
  in_progress: {
    information_requested: ['staff'],
    granted: ['staff'],
    refused: ['staff'],
    withdrawn: ['family'],
  },
  information_requested: { information_answered: ['family'], withdrawn: ['family'] },
  information_answered: {
    in_progress: ['staff'],
    information_requested: ['staff'],
    granted: ['staff'],
    refused: ['staff'],
    withdrawn: ['family'],
  },
  granted: { delivered: ['staff'], withdrawn: ['family'] },
  refused: {},
  delivered: {},
  withdrawn: {},
};

export function canMove(from: ItemStatus, to: ItemStatus, actor: ActorKind): boolean {
  return transitions[from][to]?.includes(actor) ?? false;
}

export function nextStatuses(from: ItemStatus, actor: ActorKind): ItemStatus[] {
  return (Object.keys(transitions[from]) as ItemStatus[]).filter((to) => canMove(from, to, actor));
}

/** Nothing follows these; the retention term starts when every item of an application is in one. */
export function isFinal(status: ItemStatus): boolean {
  return Object.keys(transitions[status]).length === 0;
}

/** The statuses a family is told about by e-mail: the ones that ask something of them or answer them. */
export function familyIsNotified(status: ItemStatus): boolean {
  return status !== 'in_progress' && status !== 'information_answered' && status !== 'submitted';
}
