import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness.js';

describe('alliances CLI', () => {
  it('prints help and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: alliances');
  });

  it('rejects an unknown command with exit code 2', () => {
    const r = runCli(['no-such-command']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command|too many arguments/);
  });
});
