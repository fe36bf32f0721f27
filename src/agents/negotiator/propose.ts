/**
 * The opening move of talks: the opener puts its declared terms on the table if it has any (and
 * they cross none of its principles), else the strategy's opening offer.
 */
import { provisionsOf } from '../../diplomacy/negotiation/index.js';
import type { Decision } from '../../model/intents.js';
import { describeExclusions, openingTerms } from './agenda.js';
import { propose, type Talks, turn, walkOut, worth } from './talks.js';

export function openingMove(t: Talks): Decision[] {
  const declared = openingTerms(t.view, t.n, t.other);
  if (declared.length > 0 && t.view.breachOf(declared, t.n.parties) === null)
    return [propose(t, declared, [`${t.leader.name} sets out the terms`, ...describeExclusions(t.view)])];
  const opening = t.table.strategy.propose(turn(t, 'propose', null));
  if (!opening) return [walkOut(t, ['nothing we could offer'])];
  const terms = provisionsOf(t.table.agenda, opening);
  return [propose(t, terms, [`worth ${worth(t, terms)} to us`])];
}
