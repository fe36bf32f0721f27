/**
 * One-line descriptions of intents, for decisions whose script or maker gave no summary.
 */
import type { Intent } from '../model/intents.js';
import { describeProvision } from '../model/provision.js';

// One case per intent type: a table that reads best in one piece.
export function describeIntent(intent: Intent): string {
  switch (intent.type) {
    case 'counsel':
      return `counsels ${intent.to} ${intent.position} ${intent.question}`;
    case 'seek-alliance':
      return `seeks an alliance${intent.candidates.length ? ` with ${intent.candidates.join(' or ')}` : ''}`;
    case 'send-message':
      return `sends a message to ${intent.to.join(', ')}`;
    case 'send-envoy':
      return `sends ${intent.envoy} to ${intent.to} to reach ${intent.target} through ${intent.contact}`;
    case 'respond-to-envoy':
      return intent.response === 'deny' ? 'denies knowing the envoy' : "relays the envoy's approach";
    case 'detain':
      return `detains ${intent.person} at ${intent.at}`;
    case 'rescue':
      return `frees ${intent.persons.join(', ')} from ${intent.from}`;
    case 'meet':
      return `opens talks with ${intent.with.join(', ')}`;
    case 'propose':
      return `offers ${intent.provisions.map(describeProvision).join('; ')}`;
    case 'counter':
      return `${intent.kind === 'demand' ? 'demands' : 'counters with'} ${intent.add.map(describeProvision).join('; ')}`;
    case 'accept':
      return 'accepts the terms';
    case 'reject':
      return 'rejects the terms';
    case 'walk-out':
      return 'ends the talks';
    case 'open-covert-channel':
      return `opens a covert channel to ${intent.to}`;
    case 'move':
      return `sets course for ${intent.to}`;
    case 'retreat':
      return `withdraws to ${intent.to}`;
    case 'await-rendezvous':
      return `waits at ${intent.at} for ${intent.person}`;
    case 'propose-conference':
      return `proposes a conference: ${intent.title}`;
    case 'answer-invitation':
      return intent.answer === 'attend'
        ? `will attend ${intent.conference}`
        : `declines ${intent.conference}`;
    case 'convene-conference':
      return `opens ${intent.conference}`;
    case 'plan-intent':
      return `secretly plans: ${intent.text}`;
    case 'spring-ambush':
      return 'springs the ambush';
    case 'take-precaution':
      return `orders ${intent.kind.replace(/-/g, ' ')}`;
    case 'search-for-spies':
      return 'orders a search of our own people for spies';
    case 'board':
      return `brings ${intent.persons.join(', ')} aboard ${intent.ship}`;
    case 'go':
      return `goes to ${intent.to}`;
    case 'travel':
      return `travels to ${intent.to}`;
    case 'disembark':
      return `sends ${intent.persons.join(', ')} to ${intent.to}`;
    case 'evacuate':
      return `takes out ${intent.persons.join(', ')}`;
    case 'attack':
      return `attacks ${intent.targets.join(', ')}`;
    case 'repair':
      return `orders repairs to ${intent.systems.join(', ')}`;
    case 'dissolve-agreement':
      return `ends agreement ${intent.agreement}`;
    case 'expel':
      return `sends ${intent.person} off to ${intent.to}`;
    case 'provide-aid':
      return `gives ${intent.amount} ${intent.resource} to ${intent.to}`;
    case 'declare-war':
      return `declares war on ${intent.against.join(', ')}: ${intent.casusBelli}`;
    case 'join-war':
      return `enters ${intent.war} on the side of ${intent.side}`;
    case 'make-peace':
      return `makes peace in ${intent.war}`;
    case 'declare-neutrality':
      return `declares neutrality in ${intent.war}`;
    case 'answer-call': {
      const call = intent.call ?? `under ${intent.agreement ?? 'a treaty'}`;
      return intent.answer === 'honour'
        ? `honours the call ${call}`
        : intent.answer === 'partly'
          ? `answers the call ${call} in part`
          : `refuses the call ${call}${intent.invoke ? `, invoking: ${intent.invoke}` : ''}`;
    }
    case 'call-to-arms':
      return `calls on ${intent.ally} to join ${intent.war} under ${intent.agreement}`;
    case 'hold':
      return 'holds';
  }
}
