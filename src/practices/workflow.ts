/**
 * The review of a good practice as a table: from each status, which moves are allowed, by whom, and whether
 * a comment is required. Anything not in the table is refused, so a published practice cannot be edited
 * back into review by accident and a return always says why.
 */
export const practiceStatuses = ['submitted', 'reviewed', 'returned', 'published'] as const;
export type PracticeStatus = (typeof practiceStatuses)[number];
export type PracticeMove = { to: PracticeStatus; by: 'reviewer' | 'submitter'; commentRequired: boolean };

const moves: Record<PracticeStatus, PracticeMove[]> = {
  submitted: [
    { to: 'reviewed', by: 'reviewer', commentRequired: false },
    { to: 'returned', by: 'reviewer', commentRequired: true },
  ],
  reviewed: [
    { to: 'published', by: 'reviewer', commentRequired: false },
    { to: 'returned', by: 'reviewer', commentRequired: true },
  ],
  // The organisation improves its example and sends it again.
  returned: [{ to: 'submitted', by: 'submitter', commentRequired: false }],
  // A published practice can be taken back for correction, with the reason.
  published: [{ to: 'returned', by: 'reviewer', commentRequired: true }],
};

export function allowedMoves(from: PracticeStatus, by: PracticeMove['by']): PracticeMove[] {
  return moves[from].filter((move) => move.by === by);
}

export type MoveCheck = { ok: true } | { ok: false; reason: 'not_allowed' | 'comment_required' };

export function checkMove(
  from: PracticeStatus,
  to: PracticeStatus,
  by: PracticeMove['by'],
  comment: string | null,
): MoveCheck {
  const move = moves[from].find((m) => m.to === to && m.by === by);
  if (!move) return { ok: false, reason: 'not_allowed' };
  if (move.commentRequired && !comment?.trim()) return { ok: false, reason: 'comment_required' };
  return { ok: true };
}
