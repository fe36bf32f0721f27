/**
 * What a leader takes stock of before deliberating: its faction's view, the threats it faces, what
 * it has observed since it last looked, and when it last deliberated each question.
 */
import type { Rng } from '../common/random.js';
import type { EngineSettings } from '../engine/settings.js';
import type { Minutes } from '../model/time.js';
import type { Person } from '../model/world.js';
import { assessThreat, type ThreatAssessment } from './models/threat.js';
import type { FactionView } from './view.js';
import type { WorldEvent } from '../events/index.js';
import { sittingKey } from '../events/deliberation.js';

export interface Situation {
  readonly view: FactionView;
  readonly threat: ThreatAssessment;
  /** Events this faction observed since its leader last looked. */
  readonly observed: readonly WorldEvent[];
  readonly t: Minutes;
  readonly settings: EngineSettings;
  readonly members: readonly Person[];
  readonly rng: Rng;
  /** When the question was last deliberated, if ever. */
  lastAsked(question: string): Minutes | undefined;
  /**
   * True if the question was never deliberated; or, once `cooldown` has passed since it last was,
   * if something it reads has changed since (../reads.ts: the same question without new input is
   * not asked again); or, within the cooldown, if the faction's council voted on it when it was last
   * asked and something new has been learned since (a second sitting).
   */
  due(question: string, cooldown: Minutes): boolean;
}

/** Whether something a question reads was observed after a time (../reads.ts). */
export type News = (since: Minutes) => boolean;

/**
 * What counts as something new for a council that has voted: news of wars, calls, treaties,
 * relations, fighting and deeds — what the questions put to a council weigh.
 */
const NEWS: ReadonlySet<WorldEvent['type']> = new Set<WorldEvent['type']>([
  'war-declared',
  'war-joined',
  'peace-made',
  'call-issued',
  'call-answered',
  'agreement-concluded',
  'agreement-dissolved',
  'relation-changed',
  'engagement',
  'mark-earned',
]);

export function situationOf(
  view: FactionView,
  observed: readonly WorldEvent[],
  settings: EngineSettings,
  rng: Rng,
  desk: NewsDesk = { current: () => true },
): Situation {
  let threat: ThreatAssessment | undefined;
  return {
    view,
    // Taken stock of when a question first needs it: many ticks wake only questions that do not.
    get threat() {
      return (threat ??= assessThreat(view));
    },
    observed,
    t: view.t,
    settings,
    members: view.members(),
    rng,
    lastAsked: (q) => view.self.deliberations[q],
    due: dueWith(view, observed, desk),
  };
}

/**
 * What the source of questions being asked reads as news (../reads.ts): the leader points it at each
 * source in turn before asking it, so that one situation serves them all.
 */
export interface NewsDesk {
  current: News;
}

function dueWith(view: FactionView, observed: readonly WorldEvent[], desk: NewsDesk): Situation['due'] {
  const deliberations = view.self.deliberations;
  return (q, cooldown) => {
    const last = deliberations[q];
    if (last === undefined) return true;
    if (view.t - last >= cooldown) return desk.current(last);
    return (
      deliberations[sittingKey(q)] === last &&
      view.t > last &&
      observed.some((e) => e.t > last && NEWS.has(e.type))
    );
  };
}
