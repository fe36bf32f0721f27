import { copyFileSync, existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AlliancesError, NotFoundError } from '../../src/common/errors.js';
import { defaultScenario } from '../support.js';
import { checkDatabase } from '../../src/store/check.js';
import { DamagedStoreError } from '../../src/store/database-file.js';
import { recordRun } from '../../src/runner/recorder.js';
import { Store } from '../../src/store/store.js';
import { runCli, tempDir } from '../cli-harness.js';

/** A store with one complete scripted run, and its path. */
function storedRun(): string {
  const path = join(tempDir(), 'runs.db');
  const store = Store.open(path);
  recordRun(store, defaultScenario(), { seed: 1 });
  store.close();
  return path;
}

/** The same file with `count` bytes overwritten from `offset` (damage in the middle). */
function damage(path: string, offset: number, count: number): void {
  const bytes = readFileSync(path);
  bytes.fill(0xa5, offset, offset + count);
  writeFileSync(path, bytes);
}

describe('opening a store', () => {
  it('refuses a file that is not a database before writing anything to it (exit 2)', () => {
    const dir = tempDir();
    for (const [name, content] of [
      ['text.db', 'hello, world\n'],
      ['random.db', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, content);
      const before = readFileSync(path);
      for (const options of [{}, { readOnly: true }]) {
        const err = (() => {
          try {
            Store.open(path, options);
          } catch (e) {
            return e;
          }
        })();
        expect(err).toBeInstanceOf(AlliancesError);
        expect(err).toMatchObject({ code: 'not-a-database', exitCode: 2 });
        expect((err as Error).message).toContain(path);
      }
      expect(readFileSync(path)).toEqual(before);
    }
    expect(readdirSync(dir).sort()).toEqual(['random.db', 'text.db']);
  });

  it('refuses an SQLite database of another program', () => {
    const path = join(tempDir(), 'other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE invoices (id INTEGER)');
    db.close();
    expect(() => Store.open(path)).toThrow(/not an Alliances database .*invoices/);
  });

  it('reports a truncated store as damaged (exit 1)', () => {
    const path = storedRun();
    truncateSync(path, 5000);
    expect(() => Store.open(path, { readOnly: true })).toThrow(DamagedStoreError);
    expect(() => Store.open(path)).toThrow(expect.objectContaining({ exitCode: 1 }) as Error);
  });

  it('opens read-only without creating a file or folder: "no database at PATH" (exit 2)', () => {
    const dir = tempDir();
    const path = join(dir, 'new', 'dir', 'x.db');
    expect(() => Store.open(path, { readOnly: true })).toThrow(NotFoundError);
    expect(() => Store.open(path, { readOnly: true })).toThrow(`no database at ${path}`);
    expect(existsSync(join(dir, 'new'))).toBe(false);
    writeFileSync(join(dir, 'empty.db'), '');
    expect(() => Store.open(join(dir, 'empty.db'), { mustExist: true })).toThrow(NotFoundError);
  });

  it('leaves a store as it was after a read-only command (no -wal or -shm left behind)', () => {
    const path = storedRun();
    const dir = join(path, '..');
    const before = readdirSync(dir).sort();
    const store = Store.open(path, { readOnly: true });
    expect(store.listRuns()).toHaveLength(1);
    store.close();
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('checkDatabase (alliances db check)', () => {
  it('finds a whole store whole', () => {
    const check = checkDatabase(storedRun());
    expect(check).toMatchObject({ ok: true, runs: 1, complete: 1, incomplete: 0, problems: [] });
    expect(check.events).toBeGreaterThan(200);
  });

  it('finds damage in the middle of a file, which opening does not notice', () => {
    const path = storedRun();
    const copy = join(tempDir(), 'copy.db');
    copyFileSync(path, copy);
    damage(copy, 40_000, 3000);
    const check = checkDatabase(copy);
    expect(check.ok).toBe(false);
    expect(check.problems.length).toBeGreaterThan(0);
  });

  it('finds a run whose counts or hash do not match its events', () => {
    const path = storedRun();
    const db = new Database(path);
    db.prepare('DELETE FROM events WHERE run_id = 1 AND seq = 5').run();
    db.close();
    const check = checkDatabase(path);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^run 1: \d+ events recorded, \d+ stored$/),
        expect.stringMatching(/^run 1: its events are not numbered/),
        expect.stringMatching(/^run 1: its stored events do not hash/),
      ]),
    );
  });
});

describe('alliances with a bad --db', () => {
  it('prints one line naming the file, never a stack, and exits 2 or 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'text.db'), 'not a database\n');
    const text = runCli(['runs', '--db', join(dir, 'text.db')]);
    expect(text.status).toBe(2);
    expect(text.stderr).toMatch(/^error: .*text\.db is not an Alliances database/);
    expect(text.stderr.trim().split('\n')).toHaveLength(1);

    const path = storedRun();
    truncateSync(path, 5000);
    for (const args of [['runs'], ['verify', '1'], ['replay', '1'], ['run'], ['db', 'check']]) {
      const r = runCli([...args, '--db', path]);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr + r.stdout).toContain('damaged');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('read-only commands create nothing; db check reports', () => {
    const dir = tempDir();
    for (const args of [
      ['runs'],
      ['replay', '1'],
      ['verify', '1'],
      ['explain', '1', '3'],
      ['diff', '1', '2'],
      ['db', 'check'],
    ]) {
      const r = runCli(args, { cwd: dir });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('no database at');
    }
    const nested = runCli(['runs', '--db', join(dir, 'new', 'dir', 'x.db')]);
    expect(nested.status).toBe(2);
    expect(readdirSync(dir)).toEqual([]);

    const ok = runCli(['db', 'check', '--db', storedRun()]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/: ok — 1 run \(1 complete, 0 incomplete\), \d+ events/);
  });
});
