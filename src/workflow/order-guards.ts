import type { AccountGrant } from '../accounts/entities/account-grant.entity';
import type { AppError } from '../common/errors/app-error';
import type { AppointmentOrder } from '../orders/entities/appointment-order.entity';
import type { OrderGuardName } from './order-transitions';
import { normalizeReason } from './reason';
import { isSystemActor, type TransitionContext } from './transition-context';
import { WorkflowErrors } from './workflow-errors';

export interface OrderGuardInput {
  /** With `currentDocument` loaded. */
  order: AppointmentOrder;
  /** The order's grants with their accounts. */
  grants: AccountGrant[];
  ctx: TransitionContext;
  /** Today in Asia/Bangkok (YYYY-MM-DD). */
  today: string;
}

type OrderGuard = (input: OrderGuardInput) => AppError | null;

const ACCEPTED_DOCUMENT_STATES = new Set(['valid', 'needs_manual_check']);

/** Each guard answers null (passes) or the refusal; none of them changes anything. */
export const ORDER_GUARDS: Record<OrderGuardName, OrderGuard> = {
  documentReceived: ({ ctx }) => (ctx.documentSha256 ? null : WorkflowErrors.ORDER_DOCUMENT_MISSING()),

  documentAccepted: ({ order, ctx }) => {
    const doc = order.currentDocument;
    if (!doc || !ACCEPTED_DOCUMENT_STATES.has(doc.state)) return WorkflowErrors.ORDER_DOCUMENT_MISSING();
    if (ctx.documentSha256 && doc.sha256 !== ctx.documentSha256) {
      return WorkflowErrors.ORDER_DOCUMENT_CHANGED({ currentSha256: doc.sha256 });
    }
    return null;
  },

  hasGrants: ({ grants }) => (grants.length > 0 ? null : WorkflowErrors.ORDER_HAS_NO_GRANTS()),

  reasonRequired: ({ ctx }) => (normalizeReason(ctx.reason) ? null : WorkflowErrors.REASON_REQUIRED()),

  verifierNotAppointee: ({ grants, ctx }) => {
    if (isSystemActor(ctx.actor)) return null;
    const me = ctx.actor.principal.accountId;
    return grants.some((g) => g.account.id === me) ? WorkflowErrors.ORDER_VERIFIER_IS_APPOINTEE() : null;
  },

  documentUnchanged: ({ order, ctx }) => {
    const doc = order.currentDocument;
    if (!doc || !ACCEPTED_DOCUMENT_STATES.has(doc.state)) return WorkflowErrors.ORDER_DOCUMENT_MISSING();
    // A verification always refers to one document: the sha256 the officer looked at.
    if (doc.sha256 !== ctx.documentSha256) {
      return WorkflowErrors.ORDER_DOCUMENT_CHANGED({ currentSha256: doc.sha256 });
    }
    return null;
  },

  effectiveDateReached: ({ order, today }) =>
    order.effectiveDate <= today
      ? null
      : WorkflowErrors.ORDER_NOT_YET_EFFECTIVE({ effectiveDate: order.effectiveDate }),
};

export function firstFailingGuard(
  names: readonly OrderGuardName[] | undefined,
  input: OrderGuardInput,
): AppError | null {
  for (const name of names ?? []) {
    const error = ORDER_GUARDS[name](input);
    if (error) return error;
  }
  return null;
}
