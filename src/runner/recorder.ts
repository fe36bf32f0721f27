/**
 * Running a scenario into the store, and checking a stored run: the library functions behind
 * `alliances run`, `replay` and `verify`.
 */
import { canonicalJson } from '../common/canonical-json.js';
import { InputError } from '../common/errors.js';
import { buildWorld } from '../engine/initial-world.js';
import { applyEdit, completeEdit, editProblems, type WorldEdit } from '../engine/world-edit.js';
import type { World } from '../model/world.js';
import { logHash } from '../engine/log-hash.js';
import { type Player, type RecordedChoice, recordingPlayer, replayingPlayer } from '../agents/players.js';
import { runScenario } from '../agents/run.js';
import type { FactionId } from '../model/ids.js';
import type { SimulationOptions, SimulationResult } from '../engine/simulation.js';
import { loadScenario, type Scenario } from '../scenario/loader.js';
import { type StoredOptions, storedOptionsOf } from '../store/run-options.js';
import type { RunRecord, Store } from '../store/store.js';
import type { WorldEvent } from '../events/index.js';
import { fold } from '../events/index.js';

export interface RecordedRun extends SimulationResult {
  readonly runId: number;
}

/** A player in the seat of one faction's leader, whose answers are stored with the run. */
export interface Play {
  readonly faction: FactionId;
  readonly player: Player;
}

/** How a played run is stored in its options, so that `verify` can replay the player's answers. */
interface StoredPlay {
  readonly faction: FactionId;
  readonly choices: readonly RecordedChoice[];
}

/**
 * Simulates `scenario` and stores the run as it goes, one transaction per tick. With `play`, the
 * player's answers are stored with the run when it completes.
 */
export function recordRun(
  store: Store,
  scenario: Scenario,
  options: SimulationOptions & { storeOptions?: Record<string, unknown>; play?: Play },
): RecordedRun {
  // What `verify` needs to re-simulate the run: the switch from script to leaders, with the caller's own.
  const stored = {
    ...(options.scriptUntil !== undefined ? { scriptUntil: options.scriptUntil } : {}),
    ...options.storeOptions,
  };
  const runId = store.createRun({
    scenario: scenario.spec.id,
    scenarioFile: scenario.file,
    scenarioText: scenario.text,
    seed: options.seed,
    mode: options.mode ?? 'scripted',
    options: stored,
  });
  const recording = options.play ? recordingPlayer(options.play.player) : null;
  const result = runScenario(scenario, {
    ...options,
    ...(options.play && recording ? { players: { [options.play.faction]: recording.player } } : {}),
    onTick: (events, t) => {
      store.appendEvents(runId, events);
      options.onTick?.(events, t);
    },
  });
  const play: StoredPlay | null =
    options.play && recording ? { faction: options.play.faction, choices: recording.choices } : null;
  store.completeRun(runId, result.hash, play ? { ...stored, play } : undefined);
  return { ...result, runId };
}

export interface ForkOptions {
  /** The fork keeps the parent's first `at` events (seq 0 … at − 1) and continues from the next tick. */
  readonly at: number;
  readonly edits?: readonly WorldEdit[];
  /** Default: the parent's seed. */
  readonly seed?: number;
  readonly onTick?: SimulationOptions['onTick'];
  /** A player in the seat of one faction's leader from the fork on (its answers are stored). */
  readonly play?: Play;
}

/** How a fork is stored in its run's options, so that `verify` can re-simulate it. */
interface StoredFork {
  readonly at: number;
  readonly edits: readonly WorldEdit[];
}

/** The scenario a stored run was simulated from (its stored text, with its variant if any). */
export function scenarioOfRun(run: RunRecord): Scenario {
  const variant = typeof run.options.variant === 'string' ? run.options.variant : undefined;
  // Its length was checked when it was stored.
  const maxTicks = Number.POSITIVE_INFINITY;
  return loadScenario(
    run.scenarioText,
    run.scenarioFile,
    variant === undefined ? { maxTicks } : { variant, maxTicks },
  );
}

/**
 * The world at a fork point: the parent's first `at` events folded over the scenario's initial
 * world, and the edits' problems there. A fork must cut at a tick boundary's end or inside a
 * tick; it continues from the next tick.
 */
export function checkFork(
  store: Store,
  parent: RunRecord,
  options: ForkOptions,
): {
  prefix: WorldEvent[];
  world: World;
  /** The edits as they will be applied (a treaty added is completed: see `completeEdit`). */
  edits: WorldEdit[];
  problems: { edit: WorldEdit; message: string; hint?: string }[];
} {
  if (!Number.isInteger(options.at) || options.at < 1 || options.at > parent.events) {
    throw new InputError([
      {
        code: 'invalid-option',
        path: '--at',
        message: `run ${parent.id} has events 0 to ${parent.events - 1}; cannot fork after its first ${options.at}`,
        hint: `give --at between 1 and ${parent.events}`,
      },
    ]);
  }
  const scenario = scenarioOfRun(parent);
  const prefix = store.events(parent.id, options.at);
  let world = fold(buildWorld(scenario.spec), prefix);
  const problems: { edit: WorldEdit; message: string; hint?: string }[] = [];
  const edits: WorldEdit[] = [];
  for (const given of options.edits ?? []) {
    const edit = completeEdit(world, given);
    if ('message' in edit) {
      problems.push({ edit: given, ...edit });
      continue;
    }
    edits.push(edit);
    for (const p of editProblems(world, edit)) problems.push({ edit: given, ...p });
    if (problems.length === 0) world = applyEdit(world, edit);
  }
  return { prefix, world, edits, problems };
}

/**
 * Starts a new stored run from the first `at` events of `parent`, applies the edits as
 * `world-edited` events, and lets the leaders decide from there (autonomous mode). Nothing is
 * stored when an edit is invalid.
 */
export function forkRun(store: Store, parent: RunRecord, options: ForkOptions): RecordedRun {
  const { prefix, edits, problems } = checkFork(store, parent, options);
  if (problems.length > 0) {
    throw new InputError(
      problems.map((p) => ({
        code: 'invalid-edit',
        path: '--set',
        message: `${p.edit.path}=${JSON.stringify(p.edit.value)}: ${p.message}`,
        hint: p.hint,
      })),
    );
  }
  const scenario = scenarioOfRun(parent);
  const seed = options.seed ?? parent.seed;
  const fork: StoredFork = { at: options.at, edits };
  const runId = store.createRun({
    scenario: parent.scenario,
    scenarioFile: parent.scenarioFile,
    scenarioText: parent.scenarioText,
    seed,
    mode: 'autonomous',
    options: { ...variantOption(parent), fork },
    parent: parent.id,
    forkSeq: options.at,
  });
  const recording = options.play ? recordingPlayer(options.play.player) : null;
  const result = runScenario(scenario, {
    seed,
    mode: 'autonomous',
    prefix,
    edits: edits.map((e) => ({ ...e, reason: 'fork' })),
    ...(options.play && recording ? { players: { [options.play.faction]: recording.player } } : {}),
    onTick: (events, t) => {
      store.appendEvents(runId, events);
      options.onTick?.(events, t);
    },
  });
  const play: StoredPlay | null =
    options.play && recording ? { faction: options.play.faction, choices: recording.choices } : null;
  store.completeRun(runId, result.hash, play ? { ...variantOption(parent), fork, play } : undefined);
  return { ...result, runId };
}

const variantOption = (run: RunRecord) =>
  typeof run.options.variant === 'string' ? { variant: run.options.variant } : {};

/** A played run's player, replaying the stored answers. */
const playersOf = (play: StoredOptions['play']) =>
  play ? { players: { [play.faction]: replayingPlayer(play.choices) } } : {};

export interface Verification {
  readonly run: RunRecord;
  readonly storedHash: string;
  /** The hash of the events as stored (detects tampering with the table). */
  readonly recomputedStoredHash: string;
  /** The hash of a fresh simulation from the stored scenario text and seed. */
  readonly simulatedHash: string;
  readonly matches: boolean;
  /** The first seq where the stored and simulated logs differ, if they do. */
  readonly firstDifference: number | null;
}

/** Re-simulates a stored run from its stored scenario text, seed and mode and compares the logs. */
export function verifyRun(store: Store, run: RunRecord): Verification {
  const stored = store.events(run.id);
  const scenario = scenarioOfRun(run);
  const { mode } = run;
  const { scriptUntil, fork, play } = storedOptionsOf(run);
  // A fork is re-simulated from its own stored prefix (which must also be its parent's).
  const fresh = runScenario(
    scenario,
    fork
      ? {
          seed: run.seed,
          mode,
          prefix: stored.slice(0, fork.at),
          edits: fork.edits.map((e) => ({ ...e, reason: 'fork' })),
          ...playersOf(play),
        }
      : { seed: run.seed, mode, scriptUntil, ...playersOf(play) },
  );
  const recomputedStoredHash = logHash(stored);
  let firstDifference: number | null = null;
  const n = Math.max(stored.length, fresh.events.length);
  for (let i = 0; i < n; i++) {
    if (canonicalJson(stored[i] ?? null) !== canonicalJson(fresh.events[i] ?? null)) {
      firstDifference = i;
      break;
    }
  }
  if (fork && run.parent !== null && firstDifference === null) {
    const parentPrefix = store.events(run.parent, fork.at);
    for (let i = 0; i < fork.at; i++) {
      if (canonicalJson(parentPrefix[i] ?? null) !== canonicalJson(stored[i] ?? null)) {
        firstDifference = i;
        break;
      }
    }
  }
  const storedHash = run.hash ?? recomputedStoredHash;
  return {
    run,
    storedHash,
    recomputedStoredHash,
    simulatedHash: fresh.hash,
    matches:
      run.status === 'complete' &&
      storedHash === fresh.hash &&
      recomputedStoredHash === fresh.hash &&
      firstDifference === null,
    firstDifference,
  };
}
