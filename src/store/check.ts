/**
 * `alliances db check`: is a store whole? SQLite's integrity check (every page, index and
 * constraint) and foreign-key check, then the store's own promises: each run's event count is the
 * number of events stored, numbered 0 … n − 1 without a gap, and a complete run's events hash to
 * its stored hash. Nothing is written.
 */
import { logHash } from '../engine/log-hash.js';
import { DamagedStoreError } from './database-file.js';
import { Store } from './store.js';

export interface DatabaseCheck {
  readonly path: string;
  /** True when no problem was found. */
  readonly ok: boolean;
  readonly runs: number;
  readonly complete: number;
  readonly incomplete: number;
  readonly events: number;
  /** What is wrong, one line each (empty when ok). */
  readonly problems: readonly string[];
}

/** Checks the store at `path` (which must exist; a file that is no store is an error, exit 2). */
export function checkDatabase(path: string): DatabaseCheck {
  let store: Store;
  try {
    store = Store.open(path, { readOnly: true });
  } catch (err) {
    if (err instanceof DamagedStoreError) return damaged(path, `damaged: ${err.detail}`);
    throw err;
  }
  try {
    return checkStore(store, path);
  } catch (err) {
    if (err instanceof DamagedStoreError) return damaged(path, `damaged: ${err.detail}`);
    throw err;
  } finally {
    store.close();
  }
}

const damaged = (path: string, message: string): DatabaseCheck => ({
  path,
  ok: false,
  runs: 0,
  complete: 0,
  incomplete: 0,
  events: 0,
  problems: [message],
});

function checkStore(store: Store, path: string): DatabaseCheck {
  const problems: string[] = [];
  const integrity = store.integrityCheck();
  if (!(integrity.length === 1 && integrity[0] === 'ok'))
    problems.push(...integrity.map((m) => `SQLite: ${m}`));
  problems.push(...store.foreignKeyProblems());
  // With damaged pages, reading the tables could report more of the same or fail: stop here.
  if (problems.length > 0)
    return { path, ok: false, runs: 0, complete: 0, incomplete: 0, events: 0, problems };
  const runs = store.listRuns();
  const counts = new Map(store.eventCounts().map((c) => [c.run, c]));
  let events = 0;
  for (const run of runs) {
    const c = counts.get(run.id);
    const rows = c?.rows ?? 0;
    events += rows;
    if (rows !== run.events) problems.push(`run ${run.id}: ${run.events} events recorded, ${rows} stored`);
    if (rows > 0 && (c?.minSeq !== 0 || c.maxSeq !== rows - 1))
      problems.push(`run ${run.id}: its events are not numbered 0 to ${rows - 1} without a gap`);
    if (run.status === 'complete') {
      if (run.hash === null) problems.push(`run ${run.id}: complete but without a hash`);
      else if (logHash(store.events(run.id)) !== run.hash)
        problems.push(`run ${run.id}: its stored events do not hash to its hash ${run.hash.slice(0, 16)}`);
    }
  }
  const complete = runs.filter((r) => r.status === 'complete').length;
  return {
    path,
    ok: problems.length === 0,
    runs: runs.length,
    complete,
    incomplete: runs.length - complete,
    events,
    problems,
  };
}
