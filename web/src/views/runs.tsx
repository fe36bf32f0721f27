/** The stored runs, filtered; and a new run started with live progress. */
import { useEffect, useState } from 'preact/hooks';
import { get, post, type JobView, type RunRow, type ScenarioInfo } from '../api';
import { JobProgress, useJob } from '../components/job';
import { Problems } from '../components/problems';
import { ScenarioSource, type Source } from '../components/scenario-source';
import { go } from '../router';

export function RunsView() {
  const [runs, setRuns] = useState<RunRow[]>([]);
  const [filter, setFilter] = useState({ scenario: '', mode: '', status: '' });
  const refresh = () => {
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
    void get<{ runs: RunRow[] }>(`/api/runs?${q}`).then((r) => setRuns(r.runs));
  };
  useEffect(refresh, [filter]);
  const scenarios = [...new Set(runs.map((r) => r.scenario))];
  const select = (key: keyof typeof filter, options: string[], label: string) => (
    <label class="field">
      {label}{' '}
      <select
        value={filter[key]}
        onChange={(e) => setFilter({ ...filter, [key]: (e.target as HTMLSelectElement).value })}
      >
        <option value="">any</option>
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <h1>Runs</h1>
      <NewRun onDone={refresh} />
      <section aria-labelledby="stored">
        <h2 id="stored">Stored runs</h2>
        <div class="row">
          {select('scenario', scenarios.length ? scenarios : [], 'Scenario')}
          {select('mode', ['scripted', 'autonomous', 'mixed'], 'Mode')}
          {select('status', ['complete', 'incomplete'], 'Status')}
        </div>
        {runs.length === 0 ? (
          <p>No runs stored yet.</p>
        ) : (
          <table class="runs">
            <thead>
              <tr>
                <th scope="col">id</th>
                <th scope="col">scenario</th>
                <th scope="col">seed</th>
                <th scope="col">mode</th>
                <th scope="col">status</th>
                <th scope="col">events</th>
                <th scope="col">hash</th>
                <th scope="col">about</th>
              </tr>
            </thead>
            <tbody>
              {[...runs].reverse().map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`#/runs/${r.id}`}>Run {r.id}</a>
                  </td>
                  <td>{r.scenario}</td>
                  <td>{r.seed}</td>
                  <td>{r.mode}</td>
                  <td>{r.status}</td>
                  <td>{r.events}</td>
                  <td>
                    <code>{r.hash?.slice(0, 16) ?? '-'}</code>
                  </td>
                  <td>{r.about.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function NewRun({ onDone }: { onDone: () => void }) {
  const [source, setSource] = useState<Source>({ scenario: 'delta-quadrant' });
  const [info, setInfo] = useState<ScenarioInfo | null>(null);
  const [seed, setSeed] = useState('');
  const [mode, setMode] = useState('scripted');
  const [scriptUntil, setScriptUntil] = useState('30h');
  const [variant, setVariant] = useState('');
  const { job, error, start } = useJob<{ run: number }>((r) => {
    onDone();
    go(`runs/${r.run}`);
  });
  const submit = (e: Event) => {
    e.preventDefault();
    start(
      post<{ job: JobView }>('/api/runs', {
        ...source,
        ...(seed !== '' ? { seed: Number(seed) } : {}),
        mode,
        ...(mode === 'mixed' ? { scriptUntil } : {}),
        ...(variant ? { variant } : {}),
      }),
    );
  };
  return (
    <section aria-labelledby="new-run">
      <h2 id="new-run">Start a run</h2>
      <form onSubmit={submit}>
        <ScenarioSource idPrefix="run" onChange={(s, i) => (setSource(s), setInfo(i))} />
        <div class="row">
          <label class="field">
            Seed{' '}
            <input
              inputMode="numeric"
              size={6}
              value={seed}
              placeholder="scenario's"
              onInput={(e) => setSeed((e.target as HTMLInputElement).value)}
            />
          </label>
          <label class="field">
            Mode{' '}
            <select value={mode} onChange={(e) => setMode((e.target as HTMLSelectElement).value)}>
              <option>scripted</option>
              <option>autonomous</option>
              <option>mixed</option>
            </select>
          </label>
          {mode === 'mixed' && (
            <label class="field">
              Script until{' '}
              <input
                size={8}
                value={scriptUntil}
                onInput={(e) => setScriptUntil((e.target as HTMLInputElement).value)}
              />
            </label>
          )}
          <label class="field">
            Variant{' '}
            <select value={variant} onChange={(e) => setVariant((e.target as HTMLSelectElement).value)}>
              <option value="">none</option>
              {(info?.variants ?? []).map((v) => (
                <option key={v.id} value={v.id}>
                  {v.id}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Run</button>
        </div>
        <JobProgress job={job} label="Simulating" />
        <Problems error={error} />
      </form>
    </section>
  );
}
