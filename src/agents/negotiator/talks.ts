/**
 * What one move in talks is made from, and the decisions a move can carry: proposing terms,
 * walking out. Shared by the opening (./propose.ts) and the response (./respond.ts).
 */
import type { Turn } from '../../diplomacy/negotiation/index.js';
import type { FactionId } from '../../model/ids.js';
import type { Decision } from '../../model/intents.js';
import { describeProvision, type Provision } from '../../model/provision.js';
import type { Negotiation, Person } from '../../model/world.js';
import type { QuestionPut } from '../players.js';
import type { Situation } from '../situation.js';
import type { FactionView } from '../view.js';
import { excludedKinds } from './agenda.js';
import type { Table } from './table.js';

/** Who moves in talks `n`, and who speaks for them. */
export interface Mover {
  readonly view: FactionView;
  readonly n: Negotiation;
  readonly speaker: Person;
}

/** A move in two-party talks: the mover, the other side, the round, the table, the last offer. */
export interface Talks extends Mover {
  readonly s: Situation;
  readonly other: FactionId;
  readonly leader: Person;
  /** How many offers the mover has made so far. */
  readonly round: number;
  readonly table: Table;
  /** A person or program in the leader's seat, when one is. */
  readonly player: ((put: QuestionPut) => readonly string[] | null) | undefined;
}

export function decisionIn(
  m: Mover,
  intent: Decision['intent'],
  reasons: string[],
  summary?: string,
): Decision {
  return {
    actor: m.speaker.id,
    intent,
    reasons,
    ...(summary ? { summary } : {}),
    question: `talks:${m.n.id}`,
  };
}

export function walkOut(m: Mover, reasons: string[]): Decision {
  return decisionIn(m, { type: 'walk-out', negotiation: m.n.id }, reasons, 'ends the talks');
}

export function propose(t: Talks, provisions: readonly Provision[], reasons: string[]): Decision {
  return decisionIn(
    t,
    { type: 'propose', negotiation: t.n.id, provisions: [...provisions], exclude: excludedKinds(t.view) },
    reasons,
  );
}

/** The strategy's view of this move: to propose, or to respond to an offer. */
export function turn(t: Talks, phase: 'propose' | 'respond', offer: readonly number[] | null): Turn {
  return {
    mover: t.table.me,
    phase,
    offer,
    offeredBy: offer ? t.table.them : -2,
    round: t.round,
    time: t.round,
    relativeTime: Math.min(1, t.round / t.table.deadline),
  };
}

/** What terms are worth to the mover, for reasons. */
export const worth = (t: Talks, terms: readonly Provision[]) => t.table.utility(terms).toFixed(2);

export const described = (terms: readonly Provision[]) =>
  terms.map(describeProvision).join(', ') || 'nothing';
