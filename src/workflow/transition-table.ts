/**
 * The shape of a workflow transition table (principle 2: the workflow is data). A table lists every
 * allowed (from, event) pair; anything not listed is refused with a state conflict.
 */

/** Who may fire an event: a human role (then the CASL action of the same name decides on the instance),
 * the document worker, the activation scheduler, or `order` (a grant following its order; internal only). */
export type ActorKind = 'lao_admin' | 'province_officer' | 'worker' | 'scheduler' | 'order';

/** `to: SAME` keeps the state (an upload or a rejected document) but still bumps the version and writes history. */
export const SAME = 'same' as const;

export interface Transition<S extends string, E extends string, G extends string> {
  from: readonly S[];
  event: E;
  to: S | typeof SAME;
  actor: readonly ActorKind[];
  guard?: readonly G[];
}

export function findTransition<S extends string, E extends string, G extends string>(
  table: readonly Transition<S, E, G>[],
  state: S,
  event: E,
): Transition<S, E, G> | undefined {
  return table.find((t) => t.event === event && t.from.includes(state));
}

export function targetState<S extends string, E extends string, G extends string>(
  transition: Transition<S, E, G>,
  from: S,
): S {
  return transition.to === SAME ? from : transition.to;
}
