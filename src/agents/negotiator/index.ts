/**
 * The negotiator: conducts a faction's side of open talks, one move per tick, as a bilateral
 * alternating-offers protocol (Rubinstein 1982) over the provisions on the table — the agenda
 * (./agenda.ts) as an outcome space with the party's preferences and strategy (./table.ts); the
 * opening offer (./propose.ts); the response to the other side's terms (./respond.ts). Each tick
 * the strategy is rebuilt from the talks so far, which the negotiation library's strategy contract
 * guarantees gives the same decisions as a strategy kept alive.
 */
import { hours } from '../../model/time.js';
import type { Decision } from '../../model/intents.js';
import type { FactionId } from '../../model/ids.js';
import type { Negotiation, Person } from '../../model/world.js';
import type { QuestionPut } from '../players.js';
import type { Situation } from '../situation.js';
import type { FactionView } from '../view.js';
import { turnedAgainst } from '../models/alliances.js';
import { agendaOf } from './agenda.js';
import { openingMove } from './propose.js';
import { response } from './respond.js';
import { tableFor } from './table.js';
import { type Mover, walkOut } from './talks.js';

export { agendaOf } from './agenda.js';
export { concessionExponent, deadlineRounds } from './table.js';

/** The moves of `view`'s faction in open talks `n`, if it is its turn and its negotiator is there. */
export function negotiationMoves(
  view: FactionView,
  s: Situation,
  n: Negotiation,
  player?: (put: QuestionPut) => readonly string[] | null,
): Decision[] {
  const other = n.parties.find((p) => p !== view.id);
  if (!other || n.parties.length !== 2) return [];
  const last = n.offers.at(-1);
  if (!last && n.parties[0] !== view.id) return [];
  if (last && last.by === view.id) return [];
  const speaker = negotiatorFor(view, s, n);
  if (!speaker) return [];
  const theirs = view.person(view.faction(other).leader);
  if (!theirs || !present(view, n, theirs)) return [];

  const leader = view.leader();
  const round = n.offers.filter((o) => o.by === view.id).length;
  const table = tableFor(view, s, n, other, leader);
  const leaving = reasonToLeave({ view, n, speaker }, s, leader, other);
  if (leaving) return leaving;
  if (!table) return [walkOut({ view, n, speaker }, ['nothing to negotiate'])];
  const t = { view, s, n, other, speaker, leader, round, table, player };
  return last ? response(t, last) : openingMove(t);
}

/**
 * The leader breaks the talks off before weighing any terms when the partner bears a mark its
 * principles forbid, when talks of an alliance are held with a partner that has turned against us
 * (`turnedAgainst`), or a conference it attends is about to open elsewhere (another speaker for the
 * faction leaves that to the leader: no move). Null when the talks go on.
 */
function reasonToLeave(m: Mover, s: Situation, leader: Person, other: FactionId): Decision[] | null {
  const { view, n, speaker } = m;
  // A partner marked by a deed our principles forbid is not one to deal with at all.
  const partnerBreach = view.breachOf([], n.parties);
  if (partnerBreach) return leader.id === speaker.id ? [walkOut(m, [partnerBreach.principle.text])] : [];
  // A partner newly hostile to us is a threat, not an ally (Walt 1987; ../models/alliances.ts):
  // talks of a pledge of defence with it end. Talks of other things (a peace, a demand) go on.
  const turned = agendaOf(view, n).some((p) => p.kind === 'defence') ? turnedAgainst(view, other) : null;
  if (turned) return leader.id === speaker.id ? [walkOut(m, [turned])] : [];
  // A conference the faction takes part in comes first: talks elsewhere are broken off before it opens.
  const due = view
    .conferences()
    .find(
      (c) =>
        c.status !== 'ended' &&
        c.answers[view.id] === 'attend' &&
        c.opensAt !== null &&
        c.opensAt - s.t <= hours(3),
    );
  if (due && leader.id === speaker.id) return [walkOut(m, [`${due.title} is about to open`])];
  return null;
}

/** Who speaks for the faction in these talks: its leader if present, else a present advisor. */
function negotiatorFor(view: FactionView, s: Situation, n: Negotiation): Person | undefined {
  const leader = view.leader();
  if (present(view, n, leader)) return leader;
  return s.members.find(
    (m) => m.status === 'active' && (m.influence[leader.id] ?? 0) > 0 && present(view, n, m),
  );
}

/** Whether a person is at the talks: aboard their ship, or at their place. */
function present(view: FactionView, n: Negotiation, p: Person): boolean {
  if (p.status !== 'active' && p.status !== 'injured') return false;
  if (n.aboard) return p.position.kind === 'ship' && p.position.ship === n.aboard;
  if (n.venue) return view.top(view.locationOf(p)) === view.top(n.venue);
  return true;
}
