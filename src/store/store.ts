/**
 * Persistence of runs in SQLite (better-sqlite3): a table of runs (the scenario's exact text, seed,
 * mode, status, hash) and an append-only table of events. Events are written a tick at a time, each
 * tick in one transaction, so a run killed mid-way keeps whole ticks only and stays `incomplete`.
 * The database uses WAL journaling; its schema evolves through numbered migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { canonicalJson } from '../common/canonical-json.js';
import { AlliancesError, NotFoundError } from '../common/errors.js';
import type { WorldEvent } from '../events/index.js';
import { type RunMode, runMode } from '../model/vocabulary.js';

const runStatus = z.enum(['incomplete', 'complete']);
export type RunStatus = z.infer<typeof runStatus>;

export interface RunRecord {
  readonly id: number;
  readonly scenario: string;
  readonly scenarioFile: string;
  readonly scenarioText: string;
  readonly seed: number;
  readonly mode: RunMode;
  /** Options that shaped the run beyond scenario, seed and mode (JSON), e.g. a fork's changes. */
  readonly options: Record<string, unknown>;
  readonly status: RunStatus;
  readonly hash: string | null;
  readonly events: number;
  readonly parent: number | null;
  readonly forkSeq: number | null;
  readonly createdAt: string;
}

export interface NewRun {
  readonly scenario: string;
  readonly scenarioFile: string;
  readonly scenarioText: string;
  readonly seed: number;
  readonly mode: RunMode;
  readonly options?: Record<string, unknown>;
  readonly parent?: number;
  readonly forkSeq?: number;
}

/** Schema migrations, applied in order; each runs once, in a transaction. Never edit a published one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE runs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     scenario TEXT NOT NULL,
     scenario_file TEXT NOT NULL,
     scenario_text TEXT NOT NULL,
     seed INTEGER NOT NULL,
     mode TEXT NOT NULL,
     options TEXT NOT NULL DEFAULT '{}',
     status TEXT NOT NULL CHECK (status IN ('incomplete', 'complete')),
     hash TEXT,
     events INTEGER NOT NULL DEFAULT 0,
     parent INTEGER REFERENCES runs(id),
     fork_seq INTEGER,
     created_at TEXT NOT NULL
   );
   CREATE TABLE events (
     run_id INTEGER NOT NULL REFERENCES runs(id),
     seq INTEGER NOT NULL,
     t INTEGER NOT NULL,
     type TEXT NOT NULL,
     payload TEXT NOT NULL,
     PRIMARY KEY (run_id, seq)
   ) WITHOUT ROWID;
   CREATE INDEX events_type ON events(run_id, type);`,
];

/** A row of `runs` as this program writes it (checked when read: the file may be older or foreign). */
const runRow = z.object({
  id: z.number(),
  scenario: z.string(),
  scenario_file: z.string(),
  scenario_text: z.string(),
  seed: z.number(),
  mode: runMode,
  options: z.string(),
  status: runStatus,
  hash: z.string().nullable(),
  events: z.number(),
  parent: z.number().nullable(),
  fork_seq: z.number().nullable(),
  created_at: z.string(),
});

const runOptions = z.record(z.string(), z.unknown());
const schemaVersionRow = z.object({ v: z.number().nullable() });

/** A value read from the database, checked against the shape this program writes. */
function fromDb<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AlliancesError(
      'store',
      `${what} in the database is not as this program writes it: ${z.prettifyError(parsed.error)}`,
    );
  return parsed.data;
}

const toRecord = (row: unknown): RunRecord => {
  const r = fromDb(runRow, row, 'a run');
  return {
    id: r.id,
    scenario: r.scenario,
    scenarioFile: r.scenario_file,
    scenarioText: r.scenario_text,
    seed: r.seed,
    mode: r.mode,
    options: fromDb(runOptions, JSON.parse(r.options), `the options of run ${r.id}`),
    status: r.status,
    hash: r.hash,
    events: r.events,
    parent: r.parent,
    forkSeq: r.fork_seq,
    createdAt: r.created_at,
  };
};

export const DEFAULT_DB = 'alliances.db';

/** The database path: an explicit option, else `$ALLIANCES_DB`, else ./alliances.db. */
export function resolveDbPath(option?: string): string {
  return resolve(option ?? process.env.ALLIANCES_DB ?? DEFAULT_DB);
}

export class Store {
  private readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  /** Opens (creating if needed) the database at `path` and brings its schema up to date. */
  static open(path: string): Store {
    mkdirSync(dirname(path), { recursive: true });
    let db: Database.Database;
    try {
      db = new Database(path);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new AlliancesError('store', `cannot open database ${path}: ${reason}`, 2);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    const store = new Store(db);
    store.migrate();
    return store;
  }

  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const applied = this.appliedVersion() ?? 0;
    if (applied > MIGRATIONS.length) {
      throw new AlliancesError(
        'store',
        `database schema version ${applied} is newer than this program (${MIGRATIONS.length}); upgrade alliances`,
        2,
      );
    }
    for (const [i, migration] of MIGRATIONS.entries()) {
      const v = i + 1;
      if (v <= applied) continue;
      this.db.transaction(() => {
        this.db.exec(migration);
        this.db
          .prepare('INSERT INTO migrations (version, applied_at) VALUES (?, ?)')
          .run(v, new Date().toISOString());
      })();
    }
  }

  /** The last migration applied; null before the first. */
  private appliedVersion(): number | null {
    const row = this.db.prepare('SELECT MAX(version) AS v FROM migrations').get();
    return fromDb(schemaVersionRow, row, 'the schema version').v;
  }

  get schemaVersion(): number {
    return this.appliedVersion() ?? 0;
  }

  createRun(run: NewRun): number {
    const info = this.db
      .prepare(
        `INSERT INTO runs (scenario, scenario_file, scenario_text, seed, mode, options, status, parent, fork_seq, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'incomplete', ?, ?, ?)`,
      )
      .run(
        run.scenario,
        run.scenarioFile,
        run.scenarioText,
        run.seed,
        run.mode,
        canonicalJson(run.options ?? {}),
        run.parent ?? null,
        run.forkSeq ?? null,
        new Date().toISOString(),
      );
    return Number(info.lastInsertRowid);
  }

  /** Appends one tick's events in a single transaction. */
  appendEvents(runId: number, events: readonly WorldEvent[]): void {
    if (events.length === 0) return;
    const insert = this.db.prepare(
      'INSERT INTO events (run_id, seq, t, type, payload) VALUES (?, ?, ?, ?, ?)',
    );
    const count = this.db.prepare('UPDATE runs SET events = events + ? WHERE id = ?');
    this.db.transaction(() => {
      for (const e of events) insert.run(runId, e.seq, e.t, e.type, canonicalJson(e));
      count.run(events.length, runId);
    })();
  }

  /** Marks a run complete; `options`, if given, replace those stored when it was created. */
  completeRun(runId: number, hash: string, options?: Record<string, unknown>): void {
    if (options === undefined) {
      this.db.prepare("UPDATE runs SET status = 'complete', hash = ? WHERE id = ?").run(hash, runId);
    } else {
      this.db
        .prepare("UPDATE runs SET status = 'complete', hash = ?, options = ? WHERE id = ?")
        .run(hash, canonicalJson(options), runId);
    }
  }

  listRuns(): RunRecord[] {
    return this.db.prepare('SELECT * FROM runs ORDER BY id').all().map(toRecord);
  }

  /** A run by id, or `last` for the newest. */
  getRun(ref: string | number): RunRecord {
    const row =
      ref === 'last'
        ? this.db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT 1').get()
        : this.db.prepare('SELECT * FROM runs WHERE id = ?').get(Number(ref));
    if (!row)
      throw new NotFoundError(ref === 'last' ? 'no runs stored yet' : `no run ${ref} in the database`);
    return toRecord(row);
  }

  /** The stored events of a run, in order (optionally only the first `limit`). */
  events(runId: number, limit?: number): WorldEvent[] {
    // A log is read whole and often, so its rows are typed by their statement rather than checked
    // one by one: `payload` is a NOT NULL TEXT column, holding the canonical JSON of an event the
    // engine made (verify compares it with a fresh simulation, hash by hash).
    const rows =
      limit === undefined
        ? this.db
            .prepare<[number], { payload: string }>(
              'SELECT payload FROM events WHERE run_id = ? ORDER BY seq',
            )
            .all(runId)
        : this.db
            .prepare<[number, number], { payload: string }>(
              'SELECT payload FROM events WHERE run_id = ? ORDER BY seq LIMIT ?',
            )
            .all(runId, limit);
    return rows.map((row) => JSON.parse(row.payload) as WorldEvent);
  }

  close(): void {
    this.db.close();
  }
}
