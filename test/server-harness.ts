/**
 * The built server (`dist/`, as `alliances serve` runs it) started in this process on a free
 * port of 127.0.0.1, with a fresh database; it stops with the test (or `close`).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot, tempDir } from './cli-harness.js';

interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface TestServer extends RunningServer {
  readonly db: string;
  get<T = unknown>(path: string): Promise<{ status: number; body: T; headers: Headers }>;
  post<T = unknown>(path: string, body: unknown): Promise<{ status: number; body: T; headers: Headers }>;
  /** Follows a job's server-sent events to its end; returns every event received. */
  events(job: string): Promise<{ event: string; data: JobBody }[]>;
}

export interface JobBody {
  readonly id: string;
  readonly status: string;
  readonly done: number;
  readonly total: number;
  readonly result: unknown;
  readonly error: { message: string; problems?: unknown[] } | null;
}

export async function startTestServer(
  options: { readOnly?: boolean; db?: string } = {},
): Promise<TestServer> {
  // The server is loaded from the build (its simulations run in worker threads that load `.js` files).
  const { startServer } = (await import(
    pathToFileURL(join(projectRoot, 'dist', 'src', 'server', 'serve.js')).href
  )) as {
    startServer(o: {
      dbPath: string;
      port: number;
      host: string;
      readOnly?: boolean;
    }): Promise<RunningServer>;
  };
  const db = options.db ?? join(tempDir('alliances-server-'), 'runs.db');
  const server = await startServer({
    dbPath: db,
    port: 0,
    host: '127.0.0.1',
    readOnly: options.readOnly === true,
  });
  const call = async <T>(path: string, init?: RequestInit) => {
    const response = await fetch(new URL(path, server.url), init);
    return { status: response.status, body: (await response.json()) as T, headers: response.headers };
  };
  return {
    ...server,
    db,
    get: (path) => call(path),
    post: (path, body) =>
      call(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    async events(job) {
      const response = await fetch(new URL(`/api/jobs/${job}/events`, server.url));
      const text = await response.text();
      return text
        .split('\n\n')
        .filter((block) => block.includes('data:'))
        .map((block) => ({
          event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
          data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as JobBody,
        }));
    },
  };
}

/** Waits for a job to end and returns its last state. */
export async function finished(server: TestServer, job: string): Promise<JobBody> {
  const events = await server.events(job);
  return events.at(-1)!.data;
}
