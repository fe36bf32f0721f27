import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from '../cli-harness.js';
import { createWorkerPool, WorkerTaskError } from '../../src/runner/worker-pool.js';

// Workers run compiled JavaScript: the worker scripts import the built pool (npm test builds first).
const built = join(projectRoot, 'dist', 'src', 'runner', 'worker-pool.js');
const haveBuild = existsSync(built);

function workerScript(body: string): URL {
  const file = join(tempDir('alliances-pool-'), 'worker.mjs');
  writeFileSync(file, `import { serveTasks } from ${JSON.stringify(pathToFileURL(built).href)};\n${body}\n`);
  return pathToFileURL(file);
}

describe.skipIf(!haveBuild)('worker pool (needs `npm run build`)', () => {
  it('returns results in task order whatever order they finish in', async () => {
    const script = workerScript(`
      serveTasks(async (n, data) => {
        await new Promise((r) => setTimeout(r, (7 - n) * 5));
        return n * data.factor;
      });`);
    const pool = createWorkerPool<number, number>(script, { size: 3, workerData: { factor: 10 } });
    const seen: number[] = [];
    try {
      const results = await pool.map([1, 2, 3, 4, 5, 6], (done, total) => seen.push(done / total));
      expect(results).toEqual([10, 20, 30, 40, 50, 60]);
      expect(seen).toHaveLength(6);
      expect(seen.at(-1)).toBe(1);
      expect(await pool.run(7)).toBe(70);
    } finally {
      await pool.close();
    }
  });

  it('carries a task error back with its message and code, and keeps serving', async () => {
    const script = workerScript(`
      serveTasks((n) => {
        if (n < 0) { const e = new Error('negative: ' + n); e.code = 'negative'; throw e; }
        return n + 1;
      });`);
    const pool = createWorkerPool<number, number>(script, { size: 2 });
    try {
      const failure = await pool.run(-3).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(WorkerTaskError);
      expect((failure as WorkerTaskError).message).toBe('negative: -3');
      expect((failure as WorkerTaskError).code).toBe('negative');
      expect(await pool.map([1, 2])).toEqual([2, 3]);
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker that dies, failing only its task', async () => {
    const script = workerScript(`serveTasks((n) => { if (n === 0) process.exit(3); return n; });`);
    const pool = createWorkerPool<number, number>(script, { size: 1 });
    try {
      await expect(pool.run(0)).rejects.toThrow(/exited with code 3/);
      expect(await pool.run(5)).toBe(5);
    } finally {
      await pool.close();
    }
  });

  it('rejects work after closing', async () => {
    const pool = createWorkerPool<number, number>(workerScript('serveTasks((n) => n);'), { size: 1 });
    await pool.close();
    await expect(pool.run(1)).rejects.toThrow(/closed/);
  });
});
