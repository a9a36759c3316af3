import { logProblem, verifyLog, type LogCheck } from './decision-log';
import type { Negotiation } from './negotiation';
import { compareRevisions } from './revision-commands';

/**
 * Checks the record as any participant's app does: the decision log's chain (verifyLog), and that each
 * revision is the one before it plus the logged decisions: every paragraph changed, added, removed or
 * moved between two revisions has a decision on it in the log.
 */
export function verifyRecord(negotiation: Negotiation): LogCheck {
  const check = verifyLog(negotiation.table);
  const revisions = negotiation.table.revisions();
  const problems = [...check.problems];
  for (let i = 1; i < revisions.length; i++) {
    for (const c of compareRevisions(negotiation, i - 1, i)) {
      if (!c.unlogged) continue;
      const label = c.after?.label ?? c.before?.label ?? c.id;
      problems.push(logProblem(null, 'change-unlogged', { label, change: c.moved ? 'moved' : c.change, from: revisions[i - 1]!.name, to: revisions[i]!.name }));
    }
  }
  return { ...check, ok: problems.length === 0, problems };
}
