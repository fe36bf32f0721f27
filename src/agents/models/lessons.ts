/**
 * Lessons: a betrayal, a trap or a broken promise leaves the wronged wary of dealings like it. The
 * wrong is remembered where every wrong is, as a grievance that decays (../../events/relations.ts);
 * a betrayal's grievance also carries what it teaches (`Lesson`, ../../model/world.ts): the kind of
 * wrong, the dealings in which it was done, their sponsors. A later decision that resembles it
 * bears a named term, `lesson`, worth
 *
 *   − LESSON · weight of the grievance now · likeness of the dealing to the wrong,
 *
 * the strongest lesson only (the wrong the dealing most recalls, so one event remembered under
 * several grievances does not count twice). Likeness follows what the dealing shares with the
 * wrong (`LESSON_LIKENESS`): the same partner, the same sponsors, the partner's allies, the same
 * kind of offer. These are the dimensions along which the REGRET reputation model (Sabater &
 * Sierra 2001, "REGRET: reputation in gregarious societies") carries an experience beyond its
 * partner — to the partner's group and to the same context with others — and that leaders follow
 * when they reason from a vivid wrong to the situations that resemble it (Jervis 1976,
 * *Perception and Misperception in International Politics*, ch. 6). Trust in the wrongdoer itself
 * is the Beta reputation's (Jøsang & Ismail 2002); the lesson is what the wrong says about others.
 */
import type { FactionId } from '../../model/ids.js';
import type { DealingKind } from '../../model/vocabulary.js';
import { LESSON, LESSON_LIKENESS } from '../tuning.js';
import type { FactionView } from '../view.js';
import type { Term } from './valuation.js';

/** A dealing a faction weighs: its kind, the partner, and who calls or vouches for it. */
export interface Dealing {
  readonly kind: DealingKind;
  readonly partner: FactionId | null;
  readonly sponsors?: readonly FactionId[];
}

/** The `lesson` term on a dealing: the strongest lesson it recalls, or none. */
export function lessonTerms(view: FactionView, dealing: Dealing): Term[] {
  let strongest: Term | null = null;
  for (const { from, grievance, weight } of view.lessons()) {
    const lesson = grievance.lesson;
    if (!lesson) continue;
    const like = likeness(view, dealing, from, lesson.dealings, lesson.sponsors);
    if (like === null) continue;
    const value = -LESSON * weight * like.value;
    if (value > -0.005 || (strongest && value >= strongest.value)) continue;
    strongest = { name: 'lesson', value, note: `${grievance.cause}: ${like.why}` };
  }
  return strongest ? [strongest] : [];
}

/** How closely a dealing resembles a wrong done by `wrongdoer`, and why; null if not at all. */
function likeness(
  view: FactionView,
  dealing: Dealing,
  wrongdoer: FactionId,
  dealings: readonly DealingKind[],
  sponsors: readonly FactionId[],
): { readonly value: number; readonly why: string } | null {
  const { partner } = dealing;
  if (partner === wrongdoer) return { value: LESSON_LIKENESS.partner, why: `${wrongdoer} again` };
  const vouching = [wrongdoer, ...sponsors].filter((f) => f !== view.id);
  const sponsor = (dealing.sponsors ?? []).find((f) => vouching.includes(f));
  if (sponsor !== undefined) return { value: LESSON_LIKENESS.sponsor, why: `${sponsor} calls it again` };
  if (partner !== null && view.statusBetween(partner, wrongdoer) === 'allied')
    return { value: LESSON_LIKENESS.ally, why: `${partner} is allied with ${wrongdoer}` };
  if (dealings.includes(dealing.kind)) return { value: LESSON_LIKENESS.kind, why: `another ${dealing.kind}` };
  return null;
}
