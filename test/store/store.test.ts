import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runScenario } from '../../src/agents/run.js';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../cli-harness.js';
import { NotFoundError } from '../../src/common/errors.js';
import { defaultScenario } from '../support.js';
import { recordRun, verifyRun } from '../../src/runner/recorder.js';
import { Store } from '../../src/store/store.js';

const freshStore = () => Store.open(join(tempDir(), 'runs.db'));

describe('Store', () => {
  it('migrates a new database to the latest schema, in WAL mode', () => {
    const path = join(tempDir(), 'a.db');
    const store = Store.open(path);
    expect(store.schemaVersion).toBe(1);
    store.close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    // Opening again applies nothing twice.
    const again = Store.open(path);
    expect(again.schemaVersion).toBe(1);
    again.close();
  });

  it('records a run tick by tick and reads back exactly the simulated log', () => {
    const store = freshStore();
    const recorded = recordRun(store, defaultScenario(), { seed: 1 });
    const run = store.getRun(recorded.runId);
    expect(run).toMatchObject({
      scenario: 'delta-quadrant',
      seed: 1,
      mode: 'scripted',
      status: 'complete',
      hash: recorded.hash,
    });
    expect(run.events).toBe(recorded.events.length);
    expect(store.events(run.id)).toEqual(JSON.parse(JSON.stringify(recorded.events)));
    expect(store.getRun('last').id).toBe(run.id);
    expect(verifyRun(store, run)).toMatchObject({ matches: true, firstDifference: null });
    store.close();
  });

  it('keeps whole ticks only when a run is cut off, and leaves it incomplete', () => {
    const store = freshStore();
    let ticks = 0;
    let written = 0;
    expect(() =>
      recordRun(store, defaultScenario(), {
        seed: 1,
        onTick: (events) => {
          written += events.length;
          if (++ticks === 30) throw new Error('killed');
        },
      }),
    ).toThrow('killed');
    const [run] = store.listRuns();
    expect(run).toMatchObject({ status: 'incomplete', hash: null, events: written });
    // The stored prefix is exactly the first 30 ticks of the full run.
    const full = runScenario(defaultScenario(), { seed: 1 });
    expect(store.events(run!.id)).toEqual(JSON.parse(JSON.stringify(full.events.slice(0, written))));
    expect(verifyRun(store, run!).matches).toBe(false);
    store.close();
  });

  it('detects a tampered log', () => {
    const path = join(tempDir(), 't.db');
    const store = Store.open(path);
    const { runId } = recordRun(store, defaultScenario(), { seed: 1 });
    store.close();
    const db = new Database(path);
    db.prepare(
      "UPDATE events SET payload = replace(payload, 'kurt-bendera', 'kim') WHERE run_id = ? AND type = 'person-died'",
    ).run(runId);
    db.close();
    const reopened = Store.open(path);
    const v = verifyRun(reopened, reopened.getRun(runId));
    expect(v.matches).toBe(false);
    expect(v.firstDifference).toBeGreaterThan(0);
    reopened.close();
  });

  it('names a missing run', () => {
    const store = freshStore();
    expect(() => store.getRun('last')).toThrow(NotFoundError);
    expect(() => store.getRun(42)).toThrow('no run 42');
    store.close();
  });
});
