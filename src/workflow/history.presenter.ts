import type { WorkflowHistory } from './entities/workflow-history.entity';

export interface HistoryEntryView {
  from: string;
  to: string;
  event: string;
  actor: { id: string | null; username: string };
  reason: string | null;
  documentSha256: string | null;
  at: string;
}

/** API.md "HistoryEntry"; the worker and the scheduler appear with a null id and their label. */
export function presentHistory(entry: WorkflowHistory): HistoryEntryView {
  return {
    from: entry.fromState,
    to: entry.toState,
    event: entry.event,
    actor: { id: entry.actor?.id ?? null, username: entry.actorLabel },
    reason: entry.reason ?? null,
    documentSha256: entry.documentSha256 ?? null,
    at: entry.at.toISOString(),
  };
}
