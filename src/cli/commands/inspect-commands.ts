/**
 * `alliances explain`, `fork` and `diff`: reading a decision in full, asking "what if?" from any
 * point of a stored run, and comparing two runs.
 */
import type { Command } from 'commander';
import { InputError, must } from '../../common/errors.js';
import { renderChronicle } from '../../engine/chronicle.js';
import { explainEvent, renderExplanation } from '../../engine/explanation.js';
import { buildWorld } from '../../engine/initial-world.js';
import { matchMilestones } from '../../engine/milestones.js';
import { diffRuns, type RunDiff } from '../../engine/run-diff.js';
import { summarize } from '../../engine/summary.js';
import { parseEdit, type WorldEdit } from '../../engine/world-edit.js';
import { formatTime } from '../../model/time.js';
import { forkRun, type RecordedRun, scenarioOfRun } from '../../runner/recorder.js';
import { type RunRecord, resolveDbPath, Store, type StoreOpenOptions } from '../../store/store.js';
import { parseIntegerOption, printJson } from '../io.js';
import { parseRunRef } from './run-commands.js';
import { promptPlay } from '../prompt-player.js';
import type { WorldEvent } from '../../events/index.js';
import { fold } from '../../events/index.js';
import { namesOf } from '../../events/index.js';

/** Runs `f` on the store; `explain` and `diff` only read it, `fork` writes into an existing one. */
function withStore<T>(
  db: string | undefined,
  f: (store: Store) => T,
  options: StoreOpenOptions = { readOnly: true },
): T {
  const store = Store.open(resolveDbPath(db), options);
  try {
    return f(store);
  } finally {
    store.close();
  }
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('explain an event of a stored run: a decision with its options, terms and counsel')
    .argument('<run>', 'run id, or "last"')
    .argument('<seq>', 'the event number (shown by `alliances replay RUN --seq`)')
    .option('--json', 'print the explanation as JSON')
    .option('--db <path>', 'database file')
    .action((ref: string, rawSeq: string, opts: { json?: boolean; db?: string }) => {
      const runRef = parseRunRef(ref);
      const seq = parseIntegerOption('SEQ', rawSeq, 0);
      withStore(opts.db, (store) => {
        const run = store.getRun(runRef);
        const events = store.events(run.id);
        const x = explainEvent(events, seq);
        if (!x) {
          throw new InputError([
            {
              code: 'invalid-argument',
              path: 'SEQ',
              message: `run ${run.id} has no event ${seq}`,
              hint: `its events are numbered 0 to ${events.length - 1}`,
            },
          ]);
        }
        if (opts.json) {
          printJson({ run: run.id, ...x });
          return;
        }
        const names = namesOf(buildWorld(scenarioOfRun(run).spec));
        process.stdout.write(`${renderExplanation(x, events, names).join('\n')}\n`);
      });
    });
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerFork(program: Command): void {
  program
    .command('fork')
    .description(
      'start a new stored run from the first SEQ events of RUN, with changes, and let the leaders continue',
    )
    .argument('<run>', 'run id, or "last"')
    .requiredOption(
      '--at <seq>',
      'keep the first SEQ events (0 … SEQ − 1); the fork continues from the next tick',
    )
    .option(
      '--set <path=value>',
      'change the world, e.g. persons.p.personality.pride=0.2 (repeatable; null removes an entry)',
      collect,
      [],
    )
    .option('--seed <n>', "random seed for what follows (default: the parent's)")
    .option('--play <faction>', "take the seat of this faction's leader from the fork on, answering on stdin")
    .option('--json', 'print the fork as JSON (run id, hash, milestones, events)')
    .option('--db <path>', 'database file')
    .action(forkCommand);
}

interface ForkCommandOptions {
  at: string;
  set: string[];
  seed?: string;
  play?: string;
  json?: boolean;
  db?: string;
}

/** `alliances fork`: a new stored run from a prefix of another, with the changes given. */
function forkCommand(ref: string, opts: ForkCommandOptions): void {
  const runRef = parseRunRef(ref);
  const at = parseIntegerOption('--at', opts.at, 1);
  const seed = opts.seed === undefined ? undefined : parseIntegerOption('--seed', opts.seed, 0);
  const edits = parseEdits(opts.set);
  withStore(
    opts.db,
    (store) => {
      const parent = store.getRun(runRef);
      const play = opts.play === undefined ? undefined : promptPlay(scenarioOfRun(parent), opts.play, at);
      const fork = forkRun(store, parent, { at, edits, seed, ...(play ? { play } : {}) });
      if (opts.json) {
        printJson({
          run: fork.runId,
          parent: parent.id,
          at,
          seed: seed ?? parent.seed,
          edits,
          hash: fork.hash,
          milestones: fork.milestones,
          events: fork.events.slice(at),
        });
        return;
      }
      process.stdout.write(renderFork(parent, fork, at, edits));
    },
    { mustExist: true },
  );
}

/** The `--set PATH=VALUE` changes, or every malformed one as bad input. */
function parseEdits(raws: readonly string[]): WorldEdit[] {
  const edits: WorldEdit[] = [];
  const problems = [];
  for (const raw of raws) {
    const e = parseEdit(raw);
    if ('error' in e)
      problems.push({
        code: 'invalid-option',
        path: '--set',
        message: e.error,
        hint: 'write --set PATH=VALUE, e.g. --set persons.p.personality.pride=0.2',
      });
    else edits.push(e);
  }
  if (problems.length > 0) throw new InputError(problems);
  return edits;
}

/** A fork for people: where it left its parent, what it changed, its chronicle and milestones. */
function renderFork(parent: RunRecord, fork: RecordedRun, at: number, edits: readonly WorldEdit[]): string {
  const { milestones } = fork;
  const names = namesOf(buildWorld(scenarioOfRun(parent).spec));
  // The fork keeps its parent's first `at` events (at least one).
  const lastKept = must(fork.events[at - 1], 'the last event the fork keeps');
  const lines = [
    `Run ${fork.runId}: a fork of run ${parent.id} after its first ${at} events (up to ${formatTime(lastKept.t)})${edits.length ? `, with ${edits.map((e) => `${e.path}=${JSON.stringify(e.value)}`).join(', ')}` : ''}`,
    '',
    ...renderChronicle(fork.events.slice(at), names, { seq: true }),
    '',
    `Milestones: ${milestones.filter((m) => m.reached && !m.outcome).length} of ${milestones.filter((m) => !m.outcome).length} reached${
      milestones.some((m) => m.outcome && m.reached)
        ? `; outcomes: ${milestones
            .filter((m) => m.outcome && m.reached)
            .map((m) => m.id)
            .join(', ')}`
        : ''
    }`,
    `Run ${fork.runId}: hash ${fork.hash}`,
    `Compare with its parent: alliances diff ${parent.id} ${fork.runId}`,
  ];
  return `${lines.join('\n')}\n`;
}

function sideOf(store: Store, run: RunRecord) {
  const scenario = scenarioOfRun(run);
  const events = store.events(run.id);
  const world = fold(buildWorld(scenario.spec), events);
  return {
    events,
    milestones: matchMilestones(scenario.spec.milestones, events),
    summary: summarize(world, events),
  };
}

function renderDiff(a: RunRecord, b: RunRecord, d: RunDiff, names: ReturnType<typeof namesOf>): string {
  const lines: string[] = [];
  if (!d.divergence) {
    lines.push(`Runs ${a.id} and ${b.id} are identical (${d.events.a} events).`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `Runs ${a.id} and ${b.id} share their first ${d.commonPrefix} events and part at event ${d.divergence.seq}:`,
  );
  const tell = (e: WorldEvent | null) =>
    e === null
      ? '(the log has ended)'
      : `${formatTime(e.t)}  ${
          e.type === 'decision-made'
            ? `${names.name(e.actor)} decides: ${e.summary}`
            : (renderChronicle([e], names)[0]?.slice(10) ?? e.type)
        }  (event ${e.seq})`;
  lines.push(`  ${a.id}: ${tell(d.divergence.a)}`, `  ${b.id}: ${tell(d.divergence.b)}`, '');
  const differing = d.milestones.filter((m) => m.differs);
  if (differing.length === 0) lines.push('Both runs reach the same milestones.');
  else {
    lines.push('Milestones that differ:');
    for (const m of differing) {
      const side = (s: { reached: boolean; seq: number | null } | null) =>
        s === null ? 'not declared' : s.reached ? `reached (event ${s.seq})` : 'not reached';
      lines.push(`  ${m.id}: run ${a.id} ${side(m.a)}, run ${b.id} ${side(m.b)}`);
    }
  }
  const count = (reached: 'a' | 'b') => d.milestones.filter((m) => !m.outcome && m[reached]?.reached).length;
  lines.push(`  story milestones reached: run ${a.id} ${count('a')}, run ${b.id} ${count('b')}`, '');
  const list = (label: string, xs: readonly string[]) => {
    for (const x of xs) lines.push(`  ${label}: ${x}`);
  };
  if (d.agreements.onlyA.length + d.agreements.onlyB.length > 0) {
    lines.push('Agreements that differ:');
    list(`only in ${a.id}`, d.agreements.onlyA);
    list(`only in ${b.id}`, d.agreements.onlyB);
  } else lines.push('Same agreements.');
  if (d.wars.onlyA.length + d.wars.onlyB.length > 0) {
    lines.push('Wars and calls that differ:');
    list(`only in ${a.id}`, d.wars.onlyA);
    list(`only in ${b.id}`, d.wars.onlyB);
  }
  if (d.dead.onlyA.length + d.dead.onlyB.length > 0) {
    lines.push('Deaths that differ:');
    list(
      `only in ${a.id}`,
      d.dead.onlyA.map((p) => names.name(p)),
    );
    list(
      `only in ${b.id}`,
      d.dead.onlyB.map((p) => names.name(p)),
    );
  }
  lines.push(
    `Principle violations: run ${a.id} ${d.principleViolations.a}, run ${b.id} ${d.principleViolations.b}`,
    `Events: run ${a.id} ${d.events.a}, run ${b.id} ${d.events.b}`,
  );
  return `${lines.join('\n')}\n`;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('show where two stored runs part and how their milestones and outcomes differ')
    .argument('<run-a>', 'run id, or "last"')
    .argument('<run-b>', 'run id, or "last"')
    .option('--json', 'print the comparison as JSON')
    .option('--db <path>', 'database file')
    .action((refA: string, refB: string, opts: { json?: boolean; db?: string }) => {
      const ra = parseRunRef(refA);
      const rb = parseRunRef(refB);
      withStore(opts.db, (store) => {
        const a = store.getRun(ra);
        const b = store.getRun(rb);
        const d = diffRuns(sideOf(store, a), sideOf(store, b));
        if (opts.json) {
          printJson({ a: a.id, b: b.id, ...d });
          return;
        }
        process.stdout.write(renderDiff(a, b, d, namesOf(buildWorld(scenarioOfRun(a).spec))));
      });
    });
}
