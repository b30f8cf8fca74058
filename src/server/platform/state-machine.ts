import { AppError } from './http/errors.ts';
import type { ErrorCode } from '../../contracts/errors.ts';

/**
 * State machines as data (CONVENTIONS rule 3): for each action, the states it may start
 * from and the state it leads to. `next` answers the new state or throws INVALID_STATE
 * with the action and the current state, so every module reports it the same way.
 */
export interface Machine<S extends string, A extends string> {
  transitions: Record<A, { from: readonly S[]; to: S | ((from: S) => S) }>;
  terminal: readonly S[];
}

export function defineMachine<S extends string, A extends string>(m: Machine<S, A>): Machine<S, A> & { next(state: S, action: A, code?: ErrorCode): S; can(state: S, action: A): boolean } {
  return {
    ...m,
    can: (state, action) => m.transitions[action].from.includes(state),
    next(state, action, code: ErrorCode = 'INVALID_STATE') {
      const t = m.transitions[action];
      if (!t.from.includes(state)) throw new AppError(code, { action, state });
      return typeof t.to === 'function' ? t.to(state) : t.to;
    },
  };
}
