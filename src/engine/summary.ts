/**
 * The summary of a run: agreements made and broken, casualties, the state of the forces, relations
 * at the end (status, affinity, trust, weight of grievances), and principle violations.
 */
import { expectedTrust, grievanceWeight, inIdOrder, type World } from '../model/world.js';
import type { WorldEvent, Names } from '../events/index.js';

export interface RunSummary {
  readonly agreements: readonly { id: string; parties: string[]; status: string; provisions: string[] }[];
  readonly casualties: {
    readonly dead: readonly string[];
    readonly crew: readonly { ship: string; killed: number; injured: number }[];
  };
  readonly ships: readonly {
    id: string;
    name: string;
    faction: string;
    count: number;
    /** Integrity of each component of the world's physics, in its order. */
    systems: Record<string, number>;
  }[];
  readonly relations: readonly {
    from: string;
    to: string;
    status: string;
    affinity: number;
    trust: number;
    grievance: number;
  }[];
  readonly principleViolations: number;
  readonly rejectedIntents: number;
  readonly events: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function summarize(world: World, events: readonly WorldEvent[]): RunSummary {
  const t = world.time;
  return {
    agreements: inIdOrder(world.agreements).map((a) => ({
      id: a.id,
      parties: [...a.parties],
      status: a.status,
      provisions: a.provisions.map((p) => p.kind),
    })),
    casualties: {
      dead: inIdOrder(world.persons)
        .filter((p) => p.status === 'dead')
        .map((p) => p.id),
      crew: inIdOrder(world.ships)
        .filter((s) => s.crew.killed > 0 || s.crew.injured > 0)
        .map((s) => ({ ship: s.id, killed: s.crew.killed, injured: s.crew.injured })),
    },
    ships: inIdOrder(world.ships).map((s) => ({
      id: s.id,
      name: s.name,
      faction: s.faction,
      count: s.count,
      systems: { ...s.systems },
    })),
    relations: inIdOrder(world.relations).map((r) => {
      return {
        from: r.from,
        to: r.to,
        status: r.status,
        affinity: round2(r.affinity),
        trust: round2(expectedTrust(r.trust)),
        grievance: round2(r.grievances.reduce((s, g) => s + grievanceWeight(g, t), 0)),
      };
    }),
    principleViolations: events.filter((e) => e.type === 'principle-violated').length,
    rejectedIntents: events.filter((e) => e.type === 'intent-rejected').length,
    events: events.length,
  };
}

/** The summary as text for the terminal. */
export function renderSummary(summary: RunSummary, names: Names): string[] {
  const n = (id: string) => names.name(id);
  const lines = ['', 'Summary', ''];
  const made = summary.agreements.filter((a) => a.status !== 'proposed' && a.status !== 'rejected');
  const failed = summary.agreements.filter((a) => a.status === 'rejected');
  lines.push(
    `Agreements made: ${made.length} (${made.map((a) => `${a.parties.map(n).join(' + ')}: ${a.status}`).join('; ') || 'none'})`,
  );
  lines.push(
    `Agreements refused: ${failed.length}${failed.length ? ` (${failed.map((a) => a.parties.map(n).join(' + ')).join('; ')})` : ''}`,
  );
  lines.push(`Dead: ${summary.casualties.dead.map(n).join(', ') || 'none'}`);
  for (const c of summary.casualties.crew)
    lines.push(`Crew of ${n(c.ship)}: ${c.killed} killed, ${c.injured} injured`);
  lines.push('', 'Forces (integrity of components, %)');
  const components = Object.keys(summary.ships[0]?.systems ?? {});
  const header = ['force'.padEnd(22), ...components.map((s) => s.slice(0, 6).padStart(7))].join('');
  lines.push(header);
  for (const s of summary.ships) {
    const name = `${s.name}${s.count > 1 ? ` ×${s.count}` : ''}`;
    lines.push(
      [
        name.slice(0, 21).padEnd(22),
        ...components.map((c) => String(Math.round((s.systems[c] ?? 0) * 100)).padStart(7)),
      ].join(''),
    );
  }
  lines.push('', 'Relations at the end (not neutral, or with grievances)');
  const shown = summary.relations.filter((r) => r.status !== 'neutral' || r.grievance > 0);
  const pair = (r: RunSummary['relations'][number]) => `${n(r.from)} → ${n(r.to)}`;
  const width = Math.max(0, ...shown.map((r) => pair(r).length));
  shown.forEach((r) => {
    lines.push(
      `  ${pair(r).padEnd(width)}  ${r.status.padEnd(8)} affinity ${r.affinity.toFixed(2).padStart(5)}  trust ${r.trust.toFixed(2)}  grievance ${r.grievance.toFixed(2)}`,
    );
  });
  lines.push(
    '',
    `Principle violations: ${summary.principleViolations}; rejected intents: ${summary.rejectedIntents}; events: ${summary.events}`,
  );
  return lines;
}
