/** What if: fork a stored run after any event with changes to the world; compare two runs. */
import { useEffect, useState } from 'preact/hooks';
import { get, post, type DiffView as Diff, type JobView, type RunRow } from '../api';
import { JobProgress, useJob } from '../components/job';
import { Problems } from '../components/problems';
import { go } from '../router';

export function WhatIfView({ run, at }: { run: number | null; at: number | null }) {
  const [runs, setRuns] = useState<RunRow[]>([]);
  const [parent, setParent] = useState(run ? String(run) : '');
  const [after, setAfter] = useState(at ? String(at) : '');
  const [edits, setEdits] = useState('');
  const [seed, setSeed] = useState('');
  useEffect(() => {
    void get<{ runs: RunRow[] }>('/api/runs').then((r) => {
      setRuns(r.runs);
      if (!parent && r.runs.length) setParent(String(r.runs.at(-1)!.id));
    });
  }, []);
  const { job, error, start } = useJob<{ run: number }>((r) => go(`diff/${parent}/${r.run}`));
  const submit = (e: Event) => {
    e.preventDefault();
    start(
      post<{ job: JobView }>(`/api/runs/${encodeURIComponent(parent)}/forks`, {
        at: Number(after),
        set: edits
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        ...(seed !== '' ? { seed: Number(seed) } : {}),
      }),
    );
  };
  return (
    <>
      <h1>What if?</h1>
      <p>
        A fork keeps the first events of a run as they were, changes the world (the same checked paths as{' '}
        <code>alliances fork --set</code>), and lets the leaders decide from there.
      </p>
      <form onSubmit={submit}>
        <div class="row">
          <label class="field">
            Run{' '}
            <select value={parent} onChange={(e) => setParent((e.target as HTMLSelectElement).value)}>
              {runs.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id}: {r.scenario}, {r.mode}, seed {r.seed} ({r.events} events)
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            Keep the first{' '}
            <input
              inputMode="numeric"
              size={6}
              value={after}
              onInput={(e) => setAfter((e.target as HTMLInputElement).value)}
            />{' '}
            events
          </label>
          <label class="field">
            Seed{' '}
            <input
              inputMode="numeric"
              size={6}
              value={seed}
              placeholder="the run's"
              onInput={(e) => setSeed((e.target as HTMLInputElement).value)}
            />
          </label>
        </div>
        <label class="field block">
          Changes, one <code>PATH=VALUE</code> a line (e.g. <code>persons.culluh.personality.pride=0.2</code>)
          <textarea
            rows={4}
            spellcheck={false}
            value={edits}
            onInput={(e) => setEdits((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <button type="submit">Fork</button>
        <JobProgress job={job} label="Forking" />
        <Problems error={error} />
      </form>
    </>
  );
}

const fate = (s: { reached: boolean; seq: number | null } | null) =>
  s === null ? 'not declared' : s.reached ? `reached (event ${s.seq})` : 'not reached';

export function DiffView({ a, b }: { a: number; b: number }) {
  const [d, setD] = useState<Diff | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setD(null);
    get<Diff>(`/api/diff?a=${a}&b=${b}`).then(setD, setError);
  }, [a, b]);
  if (error) return <Problems error={error} />;
  if (!d) return <p aria-busy="true">Comparing…</p>;
  const differing = d.milestones.filter((m) => m.differs);
  return (
    <>
      <h1>
        <a href={`#/runs/${a}`}>Run {a}</a> and <a href={`#/runs/${b}`}>run {b}</a>
      </h1>
      {d.divergence ? (
        <>
          <p>
            They share their first {d.commonPrefix} events and part at event {d.divergence.seq}:
          </p>
          <ul>
            <li>
              {a}: {d.divergence.a ?? '(the log has ended)'}
            </li>
            <li>
              {b}: {d.divergence.b ?? '(the log has ended)'}
            </li>
          </ul>
        </>
      ) : (
        <p>The runs are identical ({d.events.a} events).</p>
      )}
      <h2>Milestones that differ</h2>
      {differing.length === 0 ? (
        <p>Both runs reach the same milestones.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">milestone</th>
              <th scope="col">run {a}</th>
              <th scope="col">run {b}</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((m) => (
              <tr key={m.id}>
                <td>{m.title}</td>
                <td>{fate(m.a)}</td>
                <td>{fate(m.b)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(d.agreements.onlyA.length > 0 || d.agreements.onlyB.length > 0) && (
        <>
          <h2>Agreements that differ</h2>
          <ul>
            {d.agreements.onlyA.map((x) => (
              <li key={`a${x}`}>
                only in {a}: {x}
              </li>
            ))}
            {d.agreements.onlyB.map((x) => (
              <li key={`b${x}`}>
                only in {b}: {x}
              </li>
            ))}
          </ul>
        </>
      )}
      {(d.wars.onlyA.length > 0 || d.wars.onlyB.length > 0) && (
        <>
          <h2>Wars and calls that differ</h2>
          <ul>
            {d.wars.onlyA.map((x) => (
              <li key={`wa${x}`}>
                only in {a}: {x}
              </li>
            ))}
            {d.wars.onlyB.map((x) => (
              <li key={`wb${x}`}>
                only in {b}: {x}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>The chronicles from where they part</h2>
      <div class="side-by-side">
        {(['a', 'b'] as const).map((side) => (
          <section key={side} aria-label={`Chronicle of run ${side === 'a' ? a : b}`}>
            <h3>Run {side === 'a' ? a : b}</h3>
            <ol class="chronicle-list">
              {d.chronicles[side].map((l) => (
                <li key={l.seq} class={l.seq >= d.commonPrefix ? 'parted' : 'shared'}>
                  <a href={`#/runs/${side === 'a' ? a : b}/at/${l.seq}`}>{l.time}</a> {l.text}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </>
  );
}
