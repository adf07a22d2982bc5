import type { Caller } from '../access/request-context';
import type { ActorKind } from './transition-table';

export type SystemActor = 'worker' | 'scheduler';
export type TransitionActor = Caller | SystemActor;

/** What a notice is about; the dispatcher turns it into in-app notifications and e-mails. */
export type NoticeKind =
  | 'order.uploaded'
  | 'order.rejected'
  | 'order.returned'
  | 'order.verified'
  | 'order.activated'
  /** A new LAO admin's grant took effect and superseded the previous admin's (a handover). */
  | 'admin.handover';

export interface WorkflowNotice {
  kind: NoticeKind;
  orderId: string;
  reason?: string | null;
}

/**
 * Where a transition's notices go. The default writes them in the transaction at once; a bulk verify
 * collects them and sends each recipient one summary after all items.
 */
export interface NoticeSink {
  add(notice: WorkflowNotice): void;
}

export interface TransitionContext {
  actor: TransitionActor;
  /** The version the client saw; a different current version is a 409. */
  version?: number;
  reason?: string;
  /** verify: the document the officer reviewed; document.accepted/upload: the document concerned. */
  documentSha256?: string;
  notices?: NoticeSink;
}

export function isSystemActor(actor: TransitionActor): actor is SystemActor {
  return typeof actor === 'string';
}

export function actorKind(actor: TransitionActor): ActorKind | 'other' {
  if (isSystemActor(actor)) return actor;
  const role = actor.principal.role;
  return role === 'lao_admin' || role === 'province_officer' ? role : 'other';
}

export function actorLabel(actor: TransitionActor): string {
  return isSystemActor(actor) ? actor : actor.principal.username;
}
