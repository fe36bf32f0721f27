/**
 * Players in the seat of a faction's leader, on the built-in scenario: a player who takes every
 * recommendation makes the leader's own run; a player who chooses otherwise changes it, within the
 * faction's vetoes; a played run is reproduced from its recorded answers, in the store too.
 */
import { describe, expect, it } from 'vitest';
import { type ChoiceRequest, type Player, recordingPlayer, replayingPlayer } from '../src/agents/players.js';
import { runScenario } from '../src/agents/run.js';
import { DEFAULT_SCENARIO, resolveScenario } from '../src/runner/builtin-scenarios.js';
import { defaultScenario } from './support.js';
import { id } from '../src/model/ids.js';
import { days } from '../src/model/time.js';
import { recordRun, verifyRun } from '../src/runner/recorder.js';
import { Store } from '../src/store/store.js';
import type { WorldEvent } from '../src/events/index.js';

const scenario = defaultScenario();
const federation = id.faction('federation');
const run = (players?: Record<string, Player>, seed = 1, played = scenario) =>
  runScenario(played, {
    seed,
    mode: 'autonomous',
    ...(players ? { players } : {}),
  });

/** Chooses, where it can, an eligible option the leader would not have chosen. */
const contrarian = (asked: ChoiceRequest[] = []): Player => ({
  choose(request) {
    asked.push(request);
    const other = request.options.find((o) => !o.vetoedBy && !request.recommended.includes(o.option));
    return other ? [other.option] : null;
  },
});

const decisions = (events: readonly WorldEvent[]) =>
  events.filter((e) => e.type === 'decision-made') as (WorldEvent & {
    actor: string;
    choice?: string;
    reasons: string[];
    options?: { option: string; vetoedBy: string | null }[];
  })[];

describe('a player in the seat of a leader', () => {
  const autonomous = run();

  it('who takes every recommendation makes the same run, byte for byte', () => {
    const asked: ChoiceRequest[] = [];
    const echo: Player = {
      choose(request) {
        asked.push(request);
        return request.recommended;
      },
    };
    const played = run({ [federation]: echo });
    expect(played.hash).toBe(autonomous.hash);
    expect(asked.length).toBeGreaterThan(5);
    // Only the faction's leader's questions are put to the player, with what the leader sees.
    for (const r of asked) {
      expect(r.faction).toBe(federation);
      expect(r.decider).toBe(id.person('janeway'));
      expect(r.recommended.length).toBeGreaterThan(0);
      expect(r.view.id).toBe(federation);
    }
    expect(asked.map((r) => r.question)).toContain('security');
    // The talks are hers too: the Nistrim's terms with a crew exchange cannot be accepted.
    const talks = asked.filter((r) => r.question.startsWith('talks:'));
    expect(talks.length).toBeGreaterThan(0);
    expect(
      talks.some((r) =>
        r.options.some((o) => o.option === 'accept' && o.vetoedBy === 'principle:no-crew-exchange'),
      ),
    ).toBe(true);
    const nulls = run({ [federation]: { choose: () => null } });
    expect(nulls.hash).toBe(autonomous.hash);
  });

  it('who chooses otherwise changes the run, never past a veto, and the log says who chose', () => {
    const asked: ChoiceRequest[] = [];
    const played = run({ [federation]: contrarian(asked) });
    expect(played.hash).not.toBe(autonomous.hash);
    const byPlayer = decisions(played.events).filter((e) => e.reasons[0] === 'the player chose it');
    expect(byPlayer.length).toBeGreaterThan(0);
    for (const d of byPlayer) {
      expect(d.actor).toBe(id.person('janeway'));
      const chosen = d.options?.find((o) => o.option === d.choice);
      expect(chosen?.vetoedBy).toBeNull();
    }
    // Every question offered the player the vetoed options too, marked.
    expect(asked.some((r) => r.options.some((o) => o.vetoedBy !== null))).toBe(true);
  });

  it('who takes the terms offered in talks, where the rules allow, makes agreements the leader would not', () => {
    const taker: Player = {
      choose(request) {
        const accept = request.options.find((o) => o.option === 'accept' && !o.vetoedBy);
        return request.question.startsWith('talks:') && accept ? ['accept'] : null;
      },
    };
    // Without the crew-exchange demand the Nistrim offer terms the Federation's principles allow
    // (the first of a few seeds in which they do).
    const tempting = resolveScenario(DEFAULT_SCENARIO, { variant: 'no-crew-exchange-demand' });
    const acceptedIn = (events: readonly WorldEvent[]) =>
      events.filter(
        (e) =>
          e.type === 'decision-made' &&
          e.actor === 'janeway' &&
          (e as { decision?: string }).decision === 'accept',
      );
    let played: ReturnType<typeof run> | undefined;
    for (let seed = 1; seed <= 40; seed++) {
      played = run({ [federation]: taker }, seed, tempting);
      if (acceptedIn(played.events).length > 0) break;
    }
    const accepted = acceptedIn(played?.events ?? []);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.some((e) => (e as { reasons: string[] }).reasons[0] === 'the player chose it')).toBe(
      true,
    );
    expect(played?.events.some((e) => e.type === 'agreement-concluded')).toBe(true);
  });

  it('cannot choose a vetoed option', () => {
    const rogue: Player = {
      choose(request) {
        const vetoed = request.options.find((o) => o.vetoedBy);
        return vetoed ? [vetoed.option] : null;
      },
    };
    expect(() => run({ [federation]: rogue })).toThrow(/cannot be carried out: "[^"]+" is vetoed/);
  });

  it('makes a run that its recorded answers reproduce', () => {
    const recording = recordingPlayer(contrarian());
    const played = run({ [federation]: recording.player }, 5);
    expect(recording.choices.some((c) => c !== null)).toBe(true);
    const replayed = run({ [federation]: replayingPlayer(recording.choices) }, 5);
    expect(replayed.hash).toBe(played.hash);
  });

  it('is stored with its answers, and verify replays them', () => {
    const store = Store.open(':memory:');
    try {
      const recorded = recordRun(store, scenario, {
        seed: 4,
        mode: 'mixed',
        scriptUntil: days(1),
        play: { faction: federation, player: contrarian() },
      });
      const stored = store.getRun(recorded.runId);
      const play = stored.options.play as { faction: string; choices: unknown[] };
      expect(play.faction).toBe(federation);
      expect(play.choices.length).toBeGreaterThan(0);
      expect(verifyRun(store, stored).matches).toBe(true);
    } finally {
      store.close();
    }
  });
});
