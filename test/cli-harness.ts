/**
 * Spawns the built `alliances` binary for end-to-end tests, as a user would run it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const binary = join(projectRoot, 'dist', 'src', 'cli', 'main.js');
export const sharedData = resolve(projectRoot, '..', 'shared', 'data');

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): CliResult {
  const result = spawnSync(process.execPath, [binary, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, ...options.env, CI: 'true', NO_COLOR: '1' },
    encoding: 'utf8',
    ...(options.input !== undefined ? { input: options.input } : {}),
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory for a test's files (databases, fixtures). */
export function tempDir(prefix = 'alliances-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
