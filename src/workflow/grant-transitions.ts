import type { GrantState } from '../accounts/entities/account-grant.entity';
import type { OrderEvent } from './order-transitions';
import type { Transition } from './transition-table';

export const GRANT_EVENTS = [
  'order.uploaded',
  'order.withdrawn',
  'order.returned',
  'order.verified',
  'order.activated',
  'order.revoked',
  'revoke',
  'supersede',
] as const;
export type GrantEvent = (typeof GRANT_EVENTS)[number];

export type GrantGuardName = 'reasonRequired';
export type GrantTransition = Transition<GrantState, GrantEvent, GrantGuardName>;

/** DOMAIN.md, "Account grant": grants follow their order, except a direct revoke and a supersede. */
export const GRANT_TRANSITIONS: readonly GrantTransition[] = [
  { from: ['draft'], event: 'order.uploaded', to: 'uploaded', actor: ['order'] },
  { from: ['uploaded'], event: 'order.withdrawn', to: 'draft', actor: ['order'] },
  { from: ['uploaded'], event: 'order.returned', to: 'draft', actor: ['order'] },
  { from: ['uploaded'], event: 'order.verified', to: 'verified', actor: ['order'] },
  { from: ['verified'], event: 'order.activated', to: 'active', actor: ['order'] },
  { from: ['active'], event: 'order.revoked', to: 'revoked', actor: ['order'] },
  {
    from: ['active'],
    event: 'revoke',
    to: 'revoked',
    actor: ['lao_admin', 'province_officer'],
    guard: ['reasonRequired'],
  },
  /** A newer grant of the same account became active. */
  { from: ['active'], event: 'supersede', to: 'superseded', actor: ['order'] },
];

/** The grant event an order event carries to the order's grants (none: the grants stay). */
export const GRANT_EVENT_OF_ORDER_EVENT: Partial<Record<OrderEvent, GrantEvent>> = {
  'document.accepted': 'order.uploaded',
  withdraw: 'order.withdrawn',
  return: 'order.returned',
  verify: 'order.verified',
  activate: 'order.activated',
  revoke: 'order.revoked',
};
