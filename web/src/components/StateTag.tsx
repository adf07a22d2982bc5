import { Tag } from 'antd';
import type { AccountStatus, DocumentState, GrantState, OrderState } from '../api/types';
import { ACCOUNT_STATUS, DOCUMENT_STATE, GRANT_STATE, ORDER_STATE } from '../lib/labels';

type Props =
  | { kind: 'order'; state: OrderState }
  | { kind: 'grant'; state: GrantState }
  | { kind: 'document'; state: DocumentState }
  | { kind: 'account'; state: AccountStatus };

/**
 * A state as a coloured tag with its Thai label. `data-kind` tells an order's own tag from its
 * appointees' grant tags, which share state names (draft, uploaded, verified, active).
 */
export function StateTag(props: Props) {
  const entry =
    props.kind === 'order'
      ? ORDER_STATE[props.state]
      : props.kind === 'grant'
        ? GRANT_STATE[props.state]
        : props.kind === 'document'
          ? DOCUMENT_STATE[props.state]
          : ACCOUNT_STATUS[props.state];
  return (
    <Tag color={entry?.color ?? 'default'} data-kind={props.kind} data-state={props.state}>
      {entry?.label ?? props.state}
    </Tag>
  );
}
