/**
 * What a `--db` path holds, found before SQLite opens it, and the errors a store reports. A file
 * that is not an SQLite database is refused before anything is written to it; SQLite's own errors
 * become one-line messages that name the file and say what to do (never a stack).
 *
 * The cheap checks read the 100-byte header (SQLite file format, §1.3): the magic string, the page
 * size, and the database size in pages, valid when the "version-valid-for" number matches the
 * change counter. A file shorter than that size was truncated. Damage in the middle of a file is
 * found by `alliances db check` (SQLite's integrity check), not on every open.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { AlliancesError, errorCode, errorMessage, NotFoundError } from '../common/errors.js';

const MAGIC = 'SQLite format 3\u0000';

export type DatabaseFileKind =
  | { readonly kind: 'missing' }
  | { readonly kind: 'directory' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'not-sqlite' }
  | { readonly kind: 'truncated'; readonly bytes: number; readonly expected: number }
  | { readonly kind: 'sqlite' };

/** What is at `path`, from its header alone. */
export function inspectDatabaseFile(path: string): DatabaseFileKind {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { kind: 'directory' };
    size = stat.size;
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { kind: 'missing' };
    throw new AlliancesError('store', `cannot read ${path}: ${errorMessage(err)}`, 2);
  }
  if (size === 0) return { kind: 'empty' };
  const header = Buffer.alloc(100);
  let read: number;
  const fd = openSync(path, 'r');
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== MAGIC) return { kind: 'not-sqlite' };
  // Page size at offset 16 (big-endian; 1 means 65536); size in pages at 28, valid when the
  // version-valid-for number (92) equals the file change counter (24).
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const sizeValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  const validPageSize = pageSize >= 512 && (pageSize & (pageSize - 1)) === 0;
  if (!validPageSize) return { kind: 'not-sqlite' };
  if (sizeValid && pages > 0 && size < pages * pageSize)
    return { kind: 'truncated', bytes: size, expected: pages * pageSize };
  return { kind: 'sqlite' };
}

/** The store at `path` does not exist (read-only commands never create one): exit 2. */
export function noDatabase(path: string): NotFoundError {
  return new NotFoundError(
    `no database at ${path} (give --db PATH or set ALLIANCES_DB; \`alliances run\` creates one)`,
  );
}

/** `path` holds something other than an Alliances store: exit 2, nothing written. */
export function notADatabase(path: string, what: string): AlliancesError {
  return new AlliancesError(
    'not-a-database',
    `${path} is not an Alliances database (${what}); give another --db path`,
    2,
  );
}

/** A store that is damaged: exit 1, with what is wrong (`detail`) and what to do. */
export class DamagedStoreError extends AlliancesError {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(
      'store-damaged',
      `${path} is damaged (${detail}); \`alliances db check --db ${path}\` reports what is wrong — restore it from a copy, or give another --db path`,
      1,
    );
    this.name = 'DamagedStoreError';
  }
}

export function damagedDatabase(path: string, detail: string): DamagedStoreError {
  return new DamagedStoreError(path, detail);
}

/** The error to raise when `path` cannot be opened as a store, or null when it can. */
export function unusableDatabase(
  path: string,
  file: DatabaseFileKind,
  readOnly: boolean,
): AlliancesError | null {
  switch (file.kind) {
    case 'missing':
      return readOnly ? noDatabase(path) : null;
    case 'directory':
      return notADatabase(path, 'it is a directory');
    case 'empty':
      return readOnly ? noDatabase(path) : null;
    case 'not-sqlite':
      return notADatabase(path, 'it is not an SQLite file');
    case 'truncated':
      return damagedDatabase(path, `cut short: ${file.bytes} bytes of ${file.expected}`);
    case 'sqlite':
      return null;
  }
}

/** SQLite's error codes (better-sqlite3 puts them in `code`), grouped by what the user can do. */
export function storeErrorOf(path: string, err: unknown): unknown {
  if (!(err instanceof Error) || err.name !== 'SqliteError') return err;
  const code = String(errorCode(err) ?? '');
  const message = err.message.split('\n')[0] ?? err.message;
  if (code === 'SQLITE_NOTADB') return notADatabase(path, message);
  if (code.startsWith('SQLITE_CORRUPT')) return damagedDatabase(path, message);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AlliancesError(
      'store-busy',
      `${path} is busy (${message}): another process holds it; try again when it is done`,
      1,
    );
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_PERM')
  )
    return new AlliancesError('store', `cannot write ${path} (${message}); check its permissions`, 1);
  if (code.startsWith('SQLITE_FULL'))
    return new AlliancesError('store', `cannot write ${path}: the disk is full`, 1);
  return new AlliancesError('store', `${path}: ${message} (${code})`, 1);
}
