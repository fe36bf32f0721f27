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
import {
  damagedDatabase,
  inspectDatabaseFile,
  notADatabase,
  storeErrorOf,
  unusableDatabase,
} from './database-file.js';

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
const tableRow = z.object({ name: z.string() });
const integrityRows = z.array(z.object({ integrity_check: z.string() }));
const foreignKeyRows = z.array(z.object({ table: z.string(), rowid: z.number(), parent: z.string() }));
const eventCountRow = z.object({
  run: z.number(),
  rows: z.number(),
  minSeq: z.number().nullable(),
  maxSeq: z.number().nullable(),
});

/**
 * A value read from the database at `path`, checked against the shape this program writes; one
 * that is not was damaged (or written by something else), and the store says so.
 */
function fromDb<T>(schema: z.ZodType<T>, value: unknown, what: string, path: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
    throw damagedDatabase(path, `${what} is not as this program writes it: ${why}`);
  }
  return parsed.data;
}

const toRecord = (row: unknown, path: string): RunRecord => {
  const r = fromDb(runRow, row, 'a run', path);
  return {
    id: r.id,
    scenario: r.scenario,
    scenarioFile: r.scenario_file,
    scenarioText: r.scenario_text,
    seed: r.seed,
    mode: r.mode,
    options: fromDb(runOptions, JSON.parse(r.options), `the options of run ${r.id}`, path),
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
  return resolve(option ?? (process.env.ALLIANCES_DB || DEFAULT_DB));
}

export interface StoreOpenOptions {
  /**
   * For commands that only read: the database must exist, and nothing is created, migrated or
   * written (a missing one is "no database at PATH", exit 2).
   */
  readonly readOnly?: boolean;
  /** The database must exist (a fork writes, but only into a store that has its parent). */
  readonly mustExist?: boolean;
}

export class Store {
  private readonly db: Database.Database;
  /** The file, as errors name it. */
  readonly path: string;

  private constructor(db: Database.Database, path: string) {
    this.db = db;
    this.path = path;
  }

  /**
   * Opens the database at `path` (creating it, unless read-only or `mustExist`) and brings its
   * schema up to date. The file's header is checked first, so a file that is not a database is
   * refused before anything is written; SQLite's errors become one-line store errors.
   */
  static open(path: string, options: StoreOpenOptions = {}): Store {
    const memory = path === ':memory:';
    const readOnly = options.readOnly === true;
    if (!memory) {
      const file = inspectDatabaseFile(path);
      const refused = unusableDatabase(path, file, readOnly || options.mustExist === true);
      if (refused) throw refused;
      if (file.kind === 'missing') mkdirSync(dirname(path), { recursive: true });
    }
    let db: Database.Database | undefined;
    try {
      // A read-only command opens read-write without creating: a read-only connection would leave
      // the WAL's -shm and -wal files behind, which the last read-write connection removes.
      db = new Database(path, { fileMustExist: readOnly || options.mustExist === true });
      const store = new Store(db, path);
      store.prepare(readOnly);
      return store;
    } catch (err) {
      db?.close();
      throw storeErrorOf(path, err);
    }
  }

  private prepare(readOnly: boolean): void {
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => fromDb(tableRow, row, 'a table', this.path).name);
    if (tables.length > 0 && !tables.includes('migrations'))
      throw notADatabase(this.path, `an SQLite database with other tables: ${tables.slice(0, 5).join(', ')}`);
    if (readOnly) {
      if (!tables.includes('migrations')) throw notADatabase(this.path, 'an empty SQLite database');
      this.checkVersion(this.schemaVersion);
      return;
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    this.migrate();
  }

  private checkVersion(applied: number): void {
    if (applied > MIGRATIONS.length) {
      throw new AlliancesError(
        'store',
        `database schema version ${applied} is newer than this program (${MIGRATIONS.length}); upgrade alliances`,
        2,
      );
    }
  }

  /** Runs `f`, turning SQLite's errors into store errors that name the file. */
  private guard<T>(f: () => T): T {
    try {
      return f();
    } catch (err) {
      // A stored record that is not JSON was damaged outside SQLite's notice.
      if (err instanceof SyntaxError)
        throw damagedDatabase(this.path, `a stored record cannot be read: ${err.message}`);
      throw storeErrorOf(this.path, err);
    }
  }

  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const applied = this.appliedVersion() ?? 0;
    this.checkVersion(applied);
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
    return fromDb(schemaVersionRow, row, 'the schema version', this.path).v;
  }

  get schemaVersion(): number {
    return this.guard(() => this.appliedVersion() ?? 0);
  }

  createRun(run: NewRun): number {
    return this.guard(() => {
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
    });
  }

  /** Appends one tick's events in a single transaction. */
  appendEvents(runId: number, events: readonly WorldEvent[]): void {
    if (events.length === 0) return;
    this.guard(() => {
      const insert = this.db.prepare(
        'INSERT INTO events (run_id, seq, t, type, payload) VALUES (?, ?, ?, ?, ?)',
      );
      const count = this.db.prepare('UPDATE runs SET events = events + ? WHERE id = ?');
      this.db.transaction(() => {
        for (const e of events) insert.run(runId, e.seq, e.t, e.type, canonicalJson(e));
        count.run(events.length, runId);
      })();
    });
  }

  /** Marks a run complete; `options`, if given, replace those stored when it was created. */
  completeRun(runId: number, hash: string, options?: Record<string, unknown>): void {
    this.guard(() => {
      if (options === undefined) {
        this.db.prepare("UPDATE runs SET status = 'complete', hash = ? WHERE id = ?").run(hash, runId);
      } else {
        this.db
          .prepare("UPDATE runs SET status = 'complete', hash = ?, options = ? WHERE id = ?")
          .run(hash, canonicalJson(options), runId);
      }
    });
  }

  listRuns(): RunRecord[] {
    return this.guard(() =>
      this.db
        .prepare('SELECT * FROM runs ORDER BY id')
        .all()
        .map((row) => toRecord(row, this.path)),
    );
  }

  /** A run by id, or `last` for the newest. */
  getRun(ref: string | number): RunRecord {
    const row = this.guard(() =>
      ref === 'last'
        ? this.db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT 1').get()
        : this.db.prepare('SELECT * FROM runs WHERE id = ?').get(Number(ref)),
    );
    if (!row)
      throw new NotFoundError(ref === 'last' ? 'no runs stored yet' : `no run ${ref} in the database`);
    return this.guard(() => toRecord(row, this.path));
  }

  /** The stored events of a run, in order (optionally only the first `limit`). */
  events(runId: number, limit?: number): WorldEvent[] {
    // A log is read whole and often, so its rows are typed by their statement rather than checked
    // one by one: `payload` is a NOT NULL TEXT column, holding the canonical JSON of an event the
    // engine made (verify compares it with a fresh simulation, hash by hash).
    return this.guard(() => {
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
    });
  }

  /**
   * SQLite's integrity check of the whole file (every page, index and constraint): `['ok']`, or up
   * to `limit` messages naming what is damaged.
   */
  integrityCheck(limit = 20): string[] {
    return this.guard(() => {
      const rows = this.db.pragma(`integrity_check(${Math.max(1, Math.floor(limit))})`);
      return fromDb(integrityRows, rows, 'the integrity check', this.path).map((r) => r.integrity_check);
    });
  }

  /** Rows whose references lead nowhere (a run's parent, an event's run). */
  foreignKeyProblems(): string[] {
    return this.guard(() =>
      fromDb(foreignKeyRows, this.db.pragma('foreign_key_check'), 'the foreign key check', this.path).map(
        (r) => `${r.table} row ${r.rowid} refers to a missing ${r.parent} row`,
      ),
    );
  }

  /** Per run: the events stored, and the range of their seqs (for `alliances db check`). */
  eventCounts(): { run: number; rows: number; minSeq: number | null; maxSeq: number | null }[] {
    return this.guard(() =>
      this.db
        .prepare(
          `SELECT runs.id AS run, COUNT(events.seq) AS rows, MIN(events.seq) AS minSeq, MAX(events.seq) AS maxSeq
           FROM runs LEFT JOIN events ON events.run_id = runs.id GROUP BY runs.id ORDER BY runs.id`,
        )
        .all()
        .map((row) => fromDb(eventCountRow, row, 'an event count', this.path)),
    );
  }

  close(): void {
    this.guard(() => this.db.close());
  }
}
