/**
 * Reading input files with a size limit: a file over the limit is refused before it is read or
 * parsed (parsing a 50 MB scenario would take half a minute and gigabytes). The limit defaults to
 * 10 MB; the CLI raises it with `--max-input MB`, and a server applies `checkInputSize` to bodies.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { errorCode, errorMessage, InputError, NotFoundError } from '../common/errors.js';

/** The default input limit: 10 MB. */
export const DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024;

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${Number((bytes / MB).toPrecision(3))} MB`;

/** The error for an input of `bytes` over `limit` (exit 2), naming the flag that raises it. */
export function inputTooLarge(file: string, bytes: number, limit: number): InputError {
  return new InputError([
    {
      code: 'too-large',
      file,
      path: '',
      message: `is ${megabytes(bytes)}, over the input limit of ${megabytes(limit)}`,
      hint: `raise the limit with --max-input ${Math.ceil(bytes / MB)} (megabytes)`,
    },
  ]);
}

/** Refuses an input of `bytes` (e.g. a request body's length) over `limit`. */
export function checkInputSize(file: string, bytes: number, limit = DEFAULT_MAX_INPUT_BYTES): void {
  if (bytes > limit) throw inputTooLarge(file, bytes, limit);
}

/**
 * A UTF-8 text file, refused before reading when larger than `limit` bytes. A missing file is
 * NotFoundError; a directory or an unreadable file is bad input (exit 2 either way).
 */
export function readTextFile(path: string, limit = DEFAULT_MAX_INPUT_BYTES): string {
  try {
    const stat = statSync(path);
    if (stat.isDirectory())
      throw new InputError([{ code: 'io', file: path, path: '', message: 'is a directory, not a file' }]);
    // A file's size as stat reports it; a device or pipe reports 0 and is bounded below.
    checkInputSize(path, stat.size, limit);
    const text = readFileSync(path, 'utf8');
    checkInputSize(path, Buffer.byteLength(text), limit);
    return text;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = errorCode(err);
    if (code === 'ENOENT') throw new NotFoundError(`${path}: no such file`);
    throw new InputError([
      { code: 'io', file: path, path: '', message: `cannot read: ${errorMessage(err)}` },
    ]);
  }
}

/**
 * The file a config file names by `path`: a relative path is resolved against the config's folder
 * and may not leave it (`../../etc/passwd`, or a link inside the folder that points out of it); an
 * absolute path is taken as given, since whoever wrote it chose it. Returns the absolute path, or
 * what is wrong.
 */
export function resolveConfigPath(
  configFile: string,
  path: string,
): { path: string } | { error: string; hint: string } {
  if (isAbsolute(path)) return { path };
  const folder = resolve(dirname(configFile));
  const full = resolve(folder, path);
  const outside = (base: string, target: string) => {
    const rel = relative(base, target);
    return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  };
  const realFolder = existsSync(folder) ? realpathSync(folder) : folder;
  if (outside(folder, full) || (existsSync(full) && outside(realFolder, realpathSync(full)))) {
    return {
      error: `"${path}" is outside the folder of ${configFile}`,
      hint: "a relative path stays in the config file's folder; move the file there, or give its absolute path",
    };
  }
  return { path: full };
}
