import type { OrderState } from '../orders/entities/appointment-order.entity';
import { SAME, type Transition } from './transition-table';

export const ORDER_EVENTS = [
  'upload',
  'document.accepted',
  'document.rejected',
  'withdraw',
  'verify',
  'return',
  'activate',
  'revoke',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/** Events people fire; each is also the CASL action checked on the order instance. */
export const HUMAN_ORDER_EVENTS = ['upload', 'withdraw', 'verify', 'return', 'revoke'] as const;

export type OrderGuardName =
  | 'documentReceived'
  | 'documentAccepted'
  | 'hasGrants'
  | 'reasonRequired'
  | 'verifierNotAppointee'
  | 'documentUnchanged'
  | 'effectiveDateReached';

export type OrderTransition = Transition<OrderState, OrderEvent, OrderGuardName>;

/** DOMAIN.md, "Appointment order", row by row. */
export const ORDER_TRANSITIONS: readonly OrderTransition[] = [
  {
    from: ['draft', 'returned'],
    event: 'upload',
    to: SAME,
    actor: ['lao_admin'],
    guard: ['documentReceived'],
  },
  {
    from: ['draft', 'returned'],
    event: 'document.accepted',
    to: 'uploaded',
    actor: ['worker'],
    guard: ['documentAccepted', 'hasGrants'],
  },
  {
    from: ['draft', 'returned'],
    event: 'document.rejected',
    to: SAME,
    actor: ['worker'],
    guard: ['reasonRequired'],
  },
  { from: ['uploaded'], event: 'withdraw', to: 'draft', actor: ['lao_admin'] },
  {
    from: ['uploaded'],
    event: 'verify',
    to: 'verified',
    actor: ['province_officer'],
    guard: ['verifierNotAppointee', 'documentUnchanged'],
  },
  {
    from: ['uploaded'],
    event: 'return',
    to: 'returned',
    actor: ['province_officer'],
    guard: ['reasonRequired'],
  },
  {
    from: ['verified'],
    event: 'activate',
    to: 'active',
    actor: ['scheduler'],
    guard: ['effectiveDateReached'],
  },
  {
    from: ['active'],
    event: 'revoke',
    to: 'revoked',
    actor: ['lao_admin', 'province_officer'],
    guard: ['reasonRequired'],
  },
];
