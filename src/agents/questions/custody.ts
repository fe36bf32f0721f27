/**
 * Rescue: a faction whose people are held (its leader always knows when it is the leader who is
 * held) sends force to the prison and breaks them out — and with them fellow prisoners of factions
 * it is not at war with.
 */
import { days } from '../../model/time.js';
import type { Question } from '../deliberation.js';
import type { Situation } from '../situation.js';
import { actingLeader } from './envoys.js';
import { single } from './talks.js';

export function rescueQuestions(s: Situation): Question[] {
  const { view } = s;
  const commander = actingLeader(view, s.members);
  if (!commander) return [];
  // A faction knows its leader is held; other captives it learns of only by seeing it happen.
  const held = s.members.filter(
    (m) => m.status === 'detained' && m.position.kind === 'location' && m.id === view.self.leader,
  );
  const out: Question[] = [];
  for (const captive of held) {
    if (captive.position.kind !== 'location') continue;
    const prison = captive.position.location;
    const place = view.top(prison);
    // The first ship of ours at rest there carries the freed away.
    const carrier = view.ownShips().find((sh) => !sh.course && view.place(sh) === place);
    if (!carrier) {
      const ships = view.ownShips().filter((sh) => !sh.course);
      if (ships.length === 0 || !s.due(`rescue-voyage:${captive.id}`, days(1))) continue;
      out.push(
        single(
          `rescue-voyage:${captive.id}`,
          commander,
          `go to ${place} to free ${captive.name}`,
          ships.map((sh) => ({ intent: { type: 'move' as const, ship: sh.id, to: place } })),
          [{ name: 'our people are held', value: 1, note: `${captive.name} is held at ${prison}` }],
        ),
      );
      continue;
    }
    // Everyone held there whose faction is not our enemy comes out with ours.
    const freed = view
      .personsAt(prison)
      .filter(
        (p) =>
          p.status === 'detained' && (p.faction === view.id || view.relation(p.faction)?.status !== 'war'),
      )
      .map((p) => p.id);
    out.push(
      single(
        `rescue:${captive.id}`,
        commander,
        `break ${captive.name} out of ${prison}`,
        [
          {
            intent: {
              type: 'rescue',
              persons: freed,
              from: prison,
              to: { kind: 'ship', ship: carrier.id },
            },
          },
        ],
        [{ name: 'if we stay here we will die anyway', value: 1 }],
      ),
    );
  }
  return out;
}
