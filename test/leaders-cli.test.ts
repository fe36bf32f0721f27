/**
 * End to end: `alliances explain`, `fork`, `diff` and `fidelity` on the built binary.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli-harness.js';

const json = <T>(text: string): T => JSON.parse(text) as T;

interface Event {
  seq: number;
  t: number;
  type: string;
  [key: string]: unknown;
}

describe('explain, fork and diff on a stored autonomous run', () => {
  const db = join(tempDir(), 'runs.db');
  let events: Event[] = [];
  let security: Event;

  beforeAll(() => {
    const run = runCli(['run', '--mode', 'autonomous', '--seed', '3', '--db', db, '--json']);
    expect(run.status).toBe(0);
    events = json<{ events: Event[] }>(run.stdout).events;
    security = events.find((e) => e.type === 'decision-made' && e.question === 'security')!;
  });

  it('explain: a decision with its counsel, options and terms, in JSON and for people', () => {
    const r = runCli(['explain', '1', String(security.seq), '--db', db, '--json']);
    expect(r.status).toBe(0);
    const x = json<{
      decision: {
        choice: string;
        options: {
          option: string;
          score: number;
          chosen: boolean;
          vetoedBy: string | null;
          terms: { name: string; value: number; note?: string }[];
        }[];
        counsel: unknown[];
        reasons: string[];
        against: string[];
      };
      effects: number[];
    }>(r.stdout);
    const chosen = x.decision.options.find((o) => o.chosen)!;
    expect(chosen.option).toBe(x.decision.choice);
    expect(chosen.vetoedBy).toBeNull();
    for (const o of x.decision.options) {
      const sum = o.terms.reduce((s, t) => s + t.value, 0);
      expect(Math.abs(sum - o.score)).toBeLessThanOrEqual(0.0005 * (o.terms.length + 1));
    }
    expect(x.decision.counsel.length).toBeGreaterThan(0);
    expect(x.effects.length).toBeGreaterThan(0);

    const human = runCli(['explain', 'last', String(security.seq), '--db', db]);
    expect(human.stdout).toContain('decides on security');
    expect(human.stdout).toContain('Options (score = sum of the terms)');
    expect(human.stdout).toContain('(chosen)');
    expect(human.stdout).toContain('Counsel');
    // "Because" quotes only what supports the choice; what argued against it is shown apart.
    const notes = (sign: number) =>
      chosen.terms.filter((t) => Math.sign(t.value) === sign).map((t) => t.note ?? t.name);
    expect(x.decision.against.length).toBeGreaterThan(0);
    for (const a of x.decision.against) expect(notes(-1)).toContain(a);
    for (const b of x.decision.reasons.filter((r) => !r.startsWith('not ')))
      expect(notes(-1)).not.toContain(b);
    expect(human.stdout).toContain(`  Against: ${x.decision.against.join('; ')}.`);
  });

  it('explain: an effect points back to the decision it followed from', () => {
    const effect = security.seq + 1;
    const r = runCli(['explain', '1', String(effect), '--db', db, '--json']);
    expect(json<{ causedBy: number }>(r.stdout).causedBy).toBe(security.seq);
    expect(runCli(['explain', '1', String(effect), '--db', db]).stdout).toContain(
      `It follows from event ${security.seq}`,
    );
  });

  it('explain: an event the run does not have is a clear error (exit 2)', () => {
    const r = runCli(['explain', '1', '999999', '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('run 1 has no event 999999');
  });

  it('fork: reproduces the parent prefix byte for byte, applies the change as an event, and verifies', () => {
    const at = security.seq;
    const r = runCli([
      'fork',
      '1',
      '--at',
      String(at),
      '--set',
      'factions.federation.principles.no-technology-transfer=null',
      '--db',
      db,
      '--json',
    ]);
    expect(r.status).toBe(0);
    const fork = json<{ run: number; parent: number }>(r.stdout);
    expect(fork.parent).toBe(1);
    const parent = runCli(['replay', '1', '--db', db, '--json']);
    const child = runCli(['replay', String(fork.run), '--db', db, '--json']);
    const parentEvents = json<{ events: Event[] }>(parent.stdout).events;
    const childEvents = json<{ events: Event[] }>(child.stdout).events;
    expect(JSON.stringify(childEvents.slice(0, at))).toBe(JSON.stringify(parentEvents.slice(0, at)));
    expect(childEvents[at]).toMatchObject({
      type: 'world-edited',
      path: 'factions.federation.principles.no-technology-transfer',
    });
    // Without the principle, the leader weighs trading technology with no veto on it.
    const next = childEvents.find((e) => e.type === 'decision-made' && e.question === 'security') as
      { options: { option: string; vetoedBy: string | null }[] } | undefined;
    expect(next?.options.find((o) => o.option === 'trade-technology')?.vetoedBy ?? null).toBeNull();
    expect(runCli(['verify', String(fork.run), '--db', db]).status).toBe(0);

    const diff = runCli(['diff', '1', String(fork.run), '--db', db, '--json']);
    expect(diff.status).toBe(0);
    const d = json<{ commonPrefix: number; divergence: { seq: number } }>(diff.stdout);
    expect(d.commonPrefix).toBe(at);
    expect(d.divergence.seq).toBe(at);
    const human = runCli(['diff', '1', String(fork.run), '--db', db]);
    expect(human.stdout).toContain(`share their first ${at} events and part at event ${at}`);
  });

  it('fork: a bad change is a located error, exit 2, and nothing is stored', () => {
    const before = json<{ runs: unknown[] }>(runCli(['runs', '--db', db, '--json']).stdout).runs.length;
    const cases: [string, string][] = [
      ['persons.janeway.personality.pride=2', 'outside [0, 1]'],
      ['persons.janewy.personality.pride=0.2', 'did you mean "persons.janeway"?'],
      ['persons.janeway.personality.pride=high', 'is a number'],
      ['factions.federation.principles.no-such=null', 'has no entry "no-such"'],
      ['pride', 'is not PATH=VALUE'],
    ];
    for (const [set, message] of cases) {
      const r = runCli(['fork', '1', '--at', '10', '--set', set, '--db', db]);
      expect(r.status, set).toBe(2);
      expect(r.stderr).toContain('--set');
      expect(r.stderr).toContain(message);
    }
    const late = runCli(['fork', '1', '--at', String(events.length + 5), '--db', db]);
    expect(late.status).toBe(2);
    expect(late.stderr).toContain('--at');
    const after = json<{ runs: unknown[] }>(runCli(['runs', '--db', db, '--json']).stdout).runs.length;
    expect(after).toBe(before);
  });

  it('diff: a run against itself is identical', () => {
    const r = runCli(['diff', '1', '1', '--db', db]);
    expect(r.stdout).toContain('are identical');
  });
});

describe('fidelity', () => {
  it('reports shares per milestone, reached per run and violations, the same on one thread or two', () => {
    const one = runCli(['fidelity', '--seeds', '4', '--threads', '1', '--json']);
    const two = runCli(['fidelity', '--seeds', '4', '--threads', '2', '--json']);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const r = json<{
      seeds: number;
      milestones: { id: string; share: number }[];
      reachedPerRun: { median: number; p10: number; p90: number; distribution: number[] };
      principleViolations: number;
    }>(one.stdout);
    expect(r.seeds).toBe(4);
    expect(r.milestones.map((m) => m.id)).toContain('crippled-by-attack');
    expect(r.milestones.find((m) => m.id === 'crippled-by-attack')?.share).toBe(1);
    for (const m of r.milestones) expect(m.share).toBeGreaterThanOrEqual(0);
    expect(r.reachedPerRun.p10).toBeLessThanOrEqual(r.reachedPerRun.median);
    expect(r.reachedPerRun.median).toBeLessThanOrEqual(r.reachedPerRun.p90);
    expect(r.reachedPerRun.distribution.reduce((a, b) => a + b, 0)).toBe(4);
    expect(r.principleViolations).toBe(0);
  });

  it('runs a declared variant and refuses an unknown one (exit 2)', () => {
    const r = runCli(['fidelity', '--seeds', '2', '--variant', 'trabe-sincere', '--json']);
    expect(r.status).toBe(0);
    expect(json<{ variant: string }>(r.stdout).variant).toBe('trabe-sincere');
    const bad = runCli(['fidelity', '--seeds', '2', '--variant', 'trabe-sincer']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('trabe-sincere');
  });

  it('prints a table for people', () => {
    const r = runCli(['fidelity', '--seeds', '2']);
    expect(r.stdout).toContain('Fidelity of delta-quadrant: 2 autonomous runs, seeds 1–2');
    expect(r.stdout).toContain('Story milestones reached per run (of 12)');
  });
});

describe('run --play: a player at the prompt in the seat of a leader', () => {
  it('puts the leader’s questions, takes the answers, stores them, and verify replays them', () => {
    const db = join(tempDir(), 'played.db');
    // Recommended, then the second-ranked option, then the reasons behind option 1, then the leader takes over.
    const r = runCli(
      ['run', '--mode', 'autonomous', '--seed', '3', '--play', 'federation', '--db', db, '--json'],
      {
        input: '\n2\n?1\n1\nauto\n',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Kathryn Janeway: seeking an alliance');
    expect(r.stderr).toContain('← recommended');
    expect(r.stderr).toMatch(/vetoed: principle:no-technology-transfer/);
    expect(r.stderr).toMatch(/[+-]\d\.\d{3} {2}judgement/);
    const played = json<{ run: number; hash: string; events: Event[] }>(r.stdout);
    expect(
      played.events.some((e) => (e.reasons as string[] | undefined)?.[0] === 'the player chose it'),
    ).toBe(true);
    const auto = json<{ hash: string }>(
      runCli(['run', '--mode', 'autonomous', '--seed', '3', '--no-store', '--json']).stdout,
    );
    expect(played.hash).not.toBe(auto.hash);

    const v = runCli(['verify', String(played.run), '--db', db, '--json']);
    expect(v.status).toBe(0);
    expect(json<{ matches: boolean }>(v.stdout).matches).toBe(true);

    // With no input at all the leader decides: the autonomous run.
    const silent = runCli(
      ['run', '--mode', 'autonomous', '--seed', '3', '--play', 'federation', '--no-store', '--json'],
      {
        input: '',
      },
    );
    expect(json<{ hash: string }>(silent.stdout).hash).toBe(auto.hash);
    expect(silent.stderr).toContain('end of input: the leader decides from here on');
  });

  it('fork --play: takes the seat from the fork point on, and verify replays the fork', () => {
    const db = join(tempDir(), 'forked.db');
    const parent = runCli(['run', '--mode', 'autonomous', '--seed', '1', '--db', db, '--json']);
    expect(parent.status).toBe(0);
    // The fork keeps the events before the hour of Voyager's first offer to the Nistrim.
    const events = json<{ events: Event[] }>(parent.stdout).events;
    const offer = events.find((e) => e.type === 'offer-made' && e.by === 'federation')!;
    const at = String(events.find((e) => e.t === offer.t)!.seq);
    // The talks are open; at the Nistrim's demand only ending them is allowed; then wait instead of going to the rendezvous.
    const f = runCli(['fork', '1', '--at', at, '--play', 'federation', '--db', db, '--json'], {
      input: '\n2\n',
    });
    expect(f.status, f.stderr).toBe(0);
    expect(f.stderr).toContain('the talks with nistrim');
    expect(f.stderr).toContain('vetoed: principle:no-crew-exchange');
    // The player is shown only what happened after the fork point.
    expect(f.stderr).not.toContain('Alliances in the Delta Quadrant begins');
    const fork = json<{ run: number; events: Event[] }>(f.stdout);
    expect(fork.events.some((e) => (e.reasons as string[] | undefined)?.[0] === 'the player chose it')).toBe(
      true,
    );
    const v = runCli(['verify', String(fork.run), '--db', db, '--json']);
    expect(json<{ matches: boolean }>(v.stdout).matches).toBe(true);
    const d = runCli(['diff', '1', String(fork.run), '--db', db]);
    expect(d.stdout).toContain('part at event');
    expect(runCli(['runs', '--db', db]).stdout).toContain(`fork of 1 at ${at}, played: federation`);
    const listed = json<{ runs: { id: number; about: string[] }[] }>(
      runCli(['runs', '--db', db, '--json']).stdout,
    ).runs;
    expect(listed.find((r) => r.id === fork.run)?.about).toEqual([
      `fork of 1 at ${at}`,
      'played: federation',
    ]);
  });

  it('refuses an unknown faction and scripted mode, with exit code 2', () => {
    const unknown = runCli(['run', '--mode', 'autonomous', '--play', 'romulans', '--no-store']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('the scenario has no faction "romulans"');
    expect(unknown.stderr).toContain('federation');
    const scripted = runCli(['run', '--play', 'federation', '--no-store']);
    expect(scripted.status).toBe(2);
    expect(scripted.stderr).toContain('--mode autonomous');
  });
});
