/**
 * The pressure of a faction's crew groups on its leader. A group's morale falls with the
 * faction's dead and its danger; its pressure is share · dissent · (1 − morale).
 */
import type { FactionView } from '../view.js';

export interface CrewPressure {
  readonly group: string;
  readonly spokesperson: string | null;
  readonly pressure: number;
  readonly wants: string;
}

export function crewPressure(view: FactionView, vulnerability: number, deadAmongUs: number): CrewPressure[] {
  return view.self.crews.map((c) => {
    const morale = Math.max(0, Math.min(1, c.morale - 0.1 * deadAmongUs - 0.3 * vulnerability));
    return {
      group: c.name,
      spokesperson: c.spokesperson,
      pressure: c.share * c.dissent * (1 - morale),
      wants: c.wants,
    };
  });
}
