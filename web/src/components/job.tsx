/** Long work on the server (a run, a fork, a fidelity report) followed live as server-sent events. */
import { useEffect, useState } from 'preact/hooks';
import { ApiFailure, followJob, type JobView } from '../api';

export function useJob<T>(onDone?: (result: T) => void) {
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!job || job.status === 'done' || job.status === 'failed') return;
    return followJob(job.id, (j) => {
      setJob(j);
      if (j.status === 'done') onDone?.(j.result as T);
      if (j.status === 'failed' && j.error) setError(new ApiFailure(400, j.error));
    });
  }, [job?.id]);
  /** Starts following the job the request answers with; the request's own error is kept. */
  const start = (request: Promise<{ job: JobView }>) => {
    setError(null);
    request.then(
      (r) => setJob(r.job),
      (e: unknown) => setError(e),
    );
  };
  return { job, error, start, reset: () => setJob(null) };
}

export function JobProgress({ job, label }: { job: JobView | null; label: string }) {
  if (!job) return null;
  const pct = job.total > 0 ? Math.round((100 * job.done) / job.total) : 0;
  return (
    <div class="job" aria-live="polite">
      <progress max={100} value={job.status === 'done' ? 100 : pct} aria-label={`${label}: progress`} />
      <span>
        {label}: {job.status === 'running' ? `${pct}%` : job.status}
      </span>
    </div>
  );
}
