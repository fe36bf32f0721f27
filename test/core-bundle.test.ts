import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the core', () => {
  it('bundles for the browser: no Node module anywhere in the engine, the models and scenario parsing', async () => {
    const result = await build({
      entryPoints: ['src/core.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const [bundle] = result.outputFiles;
    expect(bundle?.text).toContain('function simulate(');
    expect(bundle?.text).not.toMatch(/from ["']node:/);
  });
});
