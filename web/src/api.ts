/** The JSON API, typed by the server's own answer shapes. */
import type { ApiError, JobView } from '../../src/server/api-types';

export type * from '../../src/server/api-types';

/** An error answer of the API: its message and located problems. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json()) as unknown;
  if (!response.ok) throw new ApiFailure(response.status, data as ApiError);
  return data as T;
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body: unknown) => request<T>('POST', path, body);

/** Follows a job's progress (server-sent events) until it is done or has failed. */
export function followJob(id: string, onChange: (job: JobView) => void): () => void {
  const source = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events`);
  const handle = (e: MessageEvent<string>) => {
    const job = JSON.parse(e.data) as JobView;
    onChange(job);
    if (job.status === 'done' || job.status === 'failed') source.close();
  };
  for (const name of ['progress', 'done', 'failed']) source.addEventListener(name, handle as EventListener);
  return () => source.close();
}
