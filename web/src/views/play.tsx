/**
 * Play: take the seat of a faction's leader through the same `Player` interface as `--play`. Each
 * question shows what the faction saw since the last, the counsel, and the options as the leader
 * scores them, vetoed ones disabled; the answers are stored with the run, which `alliances verify`
 * replays.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  followJob,
  get,
  post,
  type JobView,
  type PlayView as Seat,
  type QuestionView,
  type ScenarioInfo,
} from '../api';
import { JobProgress } from '../components/job';
import { Problems } from '../components/problems';
import { ScenarioSource, type Source } from '../components/scenario-source';
import { go } from '../router';

/** `run` and `at`: take the seat in a fork of that run after its first `at` events. */
export function PlayStart({ run = '', at = '' }: { run?: string; at?: string } = {}) {
  const [source, setSource] = useState<Source>({ scenario: 'delta-quadrant' });
  const [info, setInfo] = useState<ScenarioInfo | null>(null);
  const [faction, setFaction] = useState('');
  const [seed, setSeed] = useState('1');
  const [mode, setMode] = useState('autonomous');
  const [scriptUntil, setScriptUntil] = useState('30h');
  const [forkRun, setForkRun] = useState(run);
  const [forkAt, setForkAt] = useState(at);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (info && !info.factions.some((f) => f.id === faction)) setFaction(info.factions[0]?.id ?? '');
  }, [info]);
  const submit = (e: Event) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const body = forkRun
      ? { faction, fork: { run: Number(forkRun), at: Number(forkAt) } }
      : { ...source, faction, seed: Number(seed), mode, ...(mode === 'mixed' ? { scriptUntil } : {}) };
    post<Seat>('/api/play', body).then(
      (s) => go(`play/${s.id}`),
      (err: unknown) => {
        setBusy(false);
        setError(err);
      },
    );
  };
  return (
    <>
      <h1>Take a leader's seat</h1>
      <form onSubmit={submit}>
        <ScenarioSource idPrefix="play" onChange={(s, i) => (setSource(s), setInfo(i))} />
        <div class="row">
          <label class="field">
            Faction{' '}
            <select value={faction} onChange={(e) => setFaction((e.target as HTMLSelectElement).value)}>
              {(info?.factions ?? []).map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            Seed{' '}
            <input
              inputMode="numeric"
              size={6}
              value={seed}
              onInput={(e) => setSeed((e.target as HTMLInputElement).value)}
            />
          </label>
          <label class="field">
            Mode{' '}
            <select value={mode} onChange={(e) => setMode((e.target as HTMLSelectElement).value)}>
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
        </div>
        <fieldset>
          <legend>Or from a point of a stored run</legend>
          <label class="field">
            Run{' '}
            <input
              inputMode="numeric"
              size={5}
              value={forkRun}
              onInput={(e) => setForkRun((e.target as HTMLInputElement).value)}
            />
          </label>
          <label class="field">
            after its first{' '}
            <input
              inputMode="numeric"
              size={6}
              value={forkAt}
              onInput={(e) => setForkAt((e.target as HTMLInputElement).value)}
            />{' '}
            events
          </label>
        </fieldset>
        <button type="submit" disabled={busy || !faction}>
          Take the seat
        </button>
        {busy && <p aria-live="polite">Finding the first question…</p>}
        <Problems error={error} />
      </form>
    </>
  );
}

export function PlayView({ seat: id }: { seat: string }) {
  const [seat, setSeat] = useState<Seat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<JobView | null>(null);
  const [verified, setVerified] = useState<string | null>(null);
  useEffect(() => {
    get<Seat>(`/api/play/${id}`).then(setSeat, setError);
  }, [id]);
  useEffect(() => {
    if (!seat?.job) return;
    return followJob(seat.job, setJob);
  }, [seat?.job]);
  const send = (path: string, body: unknown) => {
    setBusy(true);
    setError(null);
    post<Seat>(`/api/play/${id}/${path}`, body).then(
      (s) => {
        setSeat(s);
        setBusy(false);
      },
      (e: unknown) => {
        setError(e);
        setBusy(false);
      },
    );
  };
  const verify = (run: number) =>
    void get<{ matches: boolean; simulatedHash: string }>(`/api/runs/${run}/verify`).then((v) =>
      setVerified(v.matches ? `Run ${run} verified: ${v.simulatedHash}` : `Run ${run} does NOT verify`),
    );
  if (!seat) return error ? <Problems error={error} /> : <p aria-busy="true">Loading the seat…</p>;
  const run = job?.status === 'done' ? (job.result as { run: number }).run : null;
  return (
    <>
      <h1>In the seat of {seat.question?.decider ?? 'the leader'}</h1>
      <p class="meta">
        {seat.answers} answer{seat.answers === 1 ? '' : 's'} given
      </p>
      {seat.question && (
        <Question
          key={seat.question.number}
          q={seat.question}
          busy={busy}
          onAnswer={(choose) => send('answer', { choose })}
          onLeave={() => send('leave', {})}
        />
      )}
      <Problems error={error} />
      {seat.job && (
        <section aria-labelledby="recorded">
          <h2 id="recorded">The run</h2>
          <JobProgress job={job} label="Recording the run" />
          {run !== null && (
            <p>
              <a href={`#/runs/${run}`}>Run {run}</a> is stored with your answers.{' '}
              <button type="button" onClick={() => verify(run)}>
                Verify
              </button>
            </p>
          )}
          {verified && <p role="status">{verified}</p>}
        </section>
      )}
    </>
  );
}

function Question({
  q,
  busy,
  onAnswer,
  onLeave,
}: {
  q: QuestionView;
  busy: boolean;
  onAnswer: (choose: string[] | null) => void;
  onLeave: () => void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (option: string, on: boolean) =>
    setChosen(
      q.pick === 1
        ? [option]
        : on
          ? [...chosen, option].slice(0, q.pick)
          : chosen.filter((o) => o !== option),
    );
  const submit = (e: Event) => {
    e.preventDefault();
    onAnswer(chosen);
  };
  return (
    <form class="question" onSubmit={submit} aria-labelledby="question-title">
      <h2 id="question-title">
        Question {q.number} · {q.time} · {q.factionName} · {q.decider}: {q.topic}
      </h2>
      {q.news.length > 0 && (
        <details open={q.news.length <= 12}>
          <summary>
            What {q.factionName} saw since the last question ({q.news.length})
          </summary>
          <ul class="news" tabIndex={0}>
            {q.news.map((n) => (
              <li key={n.seq}>
                <span class="time">{n.time}</span> {n.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      {q.counsel.length > 0 && (
        <>
          <h3>Counsel</h3>
          <ul>
            {q.counsel.map((c, i) => (
              <li key={i}>
                {c.advisor} counsels {c.position} {c.option}: {c.reasons.join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <fieldset>
        <legend>{q.pick === 1 ? 'Choose one' : `Choose up to ${q.pick}`}</legend>
        {q.options.map((o) => (
          <div key={o.option} class={`option${o.vetoedBy ? ' vetoed' : ''}`}>
            <label>
              <input
                type={q.pick === 1 ? 'radio' : 'checkbox'}
                name="option"
                value={o.option}
                disabled={o.vetoedBy !== null || busy}
                checked={chosen.includes(o.option)}
                onChange={(e) => toggle(o.option, (e.target as HTMLInputElement).checked)}
              />{' '}
              {o.label}{' '}
              <span class="score">
                ({o.vetoedBy ? `vetoed: ${o.vetoedBy}` : `score ${o.score.toFixed(3)}`})
              </span>
              {q.recommended.includes(o.option) && <strong> ← recommended</strong>}
            </label>
            <details>
              <summary>Why this score</summary>
              <ul>
                {o.terms.map((t, i) => (
                  <li key={i}>
                    {t.value >= 0 ? '+' : ''}
                    {t.value.toFixed(3)} {t.name}
                    {t.note && ` — ${t.note}`}
                  </li>
                ))}
              </ul>
            </details>
          </div>
        ))}
      </fieldset>
      <div class="row">
        <button type="submit" disabled={busy || chosen.length === 0}>
          Decide
        </button>
        <button type="button" disabled={busy} onClick={() => onAnswer(null)}>
          Take the recommendation
        </button>
        <button type="button" disabled={busy} onClick={onLeave}>
          Hand the faction back to its leader
        </button>
      </div>
      {busy && <p aria-live="polite">Playing on to the next question…</p>}
    </form>
  );
}
