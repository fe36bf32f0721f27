/**
 * Mediators for the single-text protocol. A mediator proposes one text per round and sees every
 * vote; it gives up (ends the talks) by proposing nothing.
 *
 * - `random`: a uniformly random outcome each round (a mediator who knows nothing).
 * - `random-walk`: Klein, Faratin, Sayama & Bar-Yam 2003: start from a random text and change one
 *   issue per round (an ordinal or integer issue moves to a neighbouring value).
 * - `nash`: an informed mediator (a host who knows every side's preferences, or an intermediary who
 *   has sounded them out) proposes the individually rational Pareto-optimal outcomes in decreasing
 *   order of Nash product, one per round, starting again from the top when it runs out.
 * - `script`: a fixed list of texts, in order, then gives up — for scripted intermediaries.
 */
import { at } from '../../common/checked.js';
import { invariant } from '../../common/errors.js';
import type { Rng } from '../../common/random.js';
import { analyseBargaining } from './analysis.js';
import {
  type Assignment,
  type Outcome,
  type OutcomeSpace,
  randomAssignment,
  toAssignment,
} from './outcome-space.js';
import type { PartyPreferences } from './preferences.js';
import type { Deadline, Move, Turn } from './protocol.js';

export interface MediatorContext {
  readonly name: string;
  readonly space: OutcomeSpace;
  readonly parties: readonly string[];
  /** Every party's preferences: only informed mediators read them. */
  readonly preferences: readonly PartyPreferences[];
  readonly deadline: Deadline;
  readonly rng: Rng;
}

export interface Mediator {
  /** The text to put to the vote, or null to give up. */
  propose(turn: Turn): Assignment | null;
  observe?(mover: number, move: Move, turn: Turn): void;
}

export type MediatorFactory = (context: MediatorContext) => Mediator;

export type MediatorSpec =
  | 'random'
  | 'random-walk'
  | 'nash'
  | { readonly name: 'random' | 'random-walk' | 'nash' }
  | { readonly name: 'script'; readonly texts: readonly Outcome[] };

export function randomMediator(): MediatorFactory {
  return (ctx) => ({ propose: () => randomAssignment(ctx.space, (a, b) => ctx.rng.int(a, b)) });
}

export function randomWalkMediator(): MediatorFactory {
  return (ctx) => {
    let last: number[] | null = null;
    return {
      propose() {
        const rng = ctx.rng;
        if (last === null) {
          last = randomAssignment(ctx.space, (a, b) => rng.int(a, b));
          return last;
        }
        // Only issues with more than one value can change.
        const movable = ctx.space.sizes.flatMap((s, i) => (s > 1 ? [i] : []));
        if (movable.length === 0) return last;
        const issue = rng.pick(movable);
        const size = at(ctx.space.sizes, issue);
        const current = at(last, issue);
        let value: number;
        if (at(ctx.space.issues, issue).kind === 'categorical') {
          value = rng.int(0, size - 2);
          if (value >= current) value++;
        } else {
          value = current === 0 ? 1 : current === size - 1 ? size - 2 : current + (rng.chance(0.5) ? 1 : -1);
        }
        last = last.slice();
        last[issue] = value;
        return last;
      },
    };
  };
}

export function nashMediator(): MediatorFactory {
  return (ctx) => {
    const analysis = analyseBargaining(ctx.space, ctx.preferences);
    const r = analysis.reservations;
    const gain = (u: readonly number[]) => u.reduce((acc, x, i) => acc * (x - at(r, i)), 1);
    const list = analysis.pareto
      .filter((p) => p.utilities.every((u, i) => u >= at(r, i)))
      .map((p, order) => ({ p, order, product: gain(p.utilities) }))
      .sort((a, b) => b.product - a.product || a.order - b.order)
      .map((x) => x.p.assignment);
    let next = 0;
    return {
      propose() {
        if (list.length === 0) return null;
        const text = at(list, next % list.length);
        next++;
        return text;
      },
    };
  };
}

export function scriptMediator(texts: readonly Outcome[]): MediatorFactory {
  return (ctx) => {
    const assignments = texts.map((t) => toAssignment(ctx.space, t));
    let next = 0;
    return { propose: () => assignments[next++] ?? null };
  };
}

export function mediatorFromSpec(spec: MediatorSpec): MediatorFactory {
  const s = typeof spec === 'string' ? { name: spec } : spec;
  switch (s.name) {
    case 'random':
      return randomMediator();
    case 'random-walk':
      return randomWalkMediator();
    case 'nash':
      return nashMediator();
    case 'script':
      invariant('texts' in s, 'a scripted mediator needs its texts');
      return scriptMediator(s.texts);
  }
}

export function describeMediator(spec: MediatorSpec): string {
  return typeof spec === 'string' ? spec : spec.name;
}
