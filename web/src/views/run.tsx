/**
 * A run: a scrubber over its event log; at the scrubber's position the alliance network and the
 * map, the chronicle beside them (a click on a line moves the scrubber there; moving the scrubber
 * brings the line into view), the milestones with the event that reached each, and the decisions
 * and talks to open.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { get, type ChronicleLine, type ElementView, type RunView as Run, type TimelineView } from '../api';
import { Graph } from '../components/graph';
import { Problems } from '../components/problems';
import { TimelineStates, type State } from '../timeline';

/** Chronicle lines drawn around the current one (long runs have tens of thousands). */
const WINDOW = 80;
/** Ties listed in words under the network. */
const TIES_LISTED = 60;

/** The index of the last line at or before `seq` (-1 when none). */
function lineAt(lines: readonly ChronicleLine[], seq: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function timeOf(run: Run, seq: number): string {
  const line = run.chronicle[Math.max(0, lineAt(run.chronicle, seq))];
  return line?.time ?? '';
}

/** The ties of the network in words: who, with whom, what. */
function ties(network: State): string[] {
  const name = (id: string | undefined) => (id ? (network.get(id)?.label ?? id) : '');
  return [...network.values()]
    .filter((e) => e.source !== undefined)
    .map(
      (e) =>
        `${e.kind === 'agreement' ? 'agreement' : e.label}: ${name(e.source)} — ${name(e.target)}${e.kind === 'agreement' ? ` (${e.label})` : ''}`,
    )
    .sort();
}

/** The places with forces or people at them, and the ships under way, in words. */
function whereabouts(map: State): string[] {
  const name = (id: string | undefined) => (id ? String(map.get(id)?.name ?? id) : '');
  const out: string[] = [];
  for (const e of map.values()) {
    const here = [
      ...((e.forces as string[] | undefined) ?? []),
      ...((e.people as string[] | undefined) ?? []),
    ];
    if (e.kind === 'place' && here.length > 0) out.push(`${String(e.name)}: ${here.join(', ')}`);
    if (e.kind === 'course') out.push(`under way from ${name(e.source)} to ${name(e.target)}: ${e.label}`);
  }
  return out.sort();
}

export function RunView({ run: id, at }: { run: number; at: number | null }) {
  const [run, setRun] = useState<Run | null>(null);
  const [timeline, setTimeline] = useState<TimelineView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [position, setPosition] = useState(0);
  useEffect(() => {
    setRun(null);
    setTimeline(null);
    Promise.all([get<Run>(`/api/runs/${id}`), get<TimelineView>(`/api/runs/${id}/timeline`)]).then(
      ([r, t]) => {
        setRun(r);
        setTimeline(t);
        setPosition(at ?? r.times.length - 1);
      },
      setError,
    );
  }, [id]);
  useEffect(() => {
    if (at !== null) setPosition(at);
  }, [at]);
  const states = useMemo(() => (timeline ? new TimelineStates(timeline) : null), [timeline]);
  const network = useMemo(
    () => states?.at('network', position) ?? new Map<string, ElementView>(),
    [states, position],
  );
  const map = useMemo(
    () => states?.at('map', position) ?? new Map<string, ElementView>(),
    [states, position],
  );

  if (error) return <Problems error={error} />;
  if (!run || !states) return <p aria-busy="true">Loading run {id}…</p>;
  const last = run.times.length - 1;
  const move = (p: number) => {
    performance.mark('scrub');
    setPosition(Math.max(0, Math.min(last, p)));
  };
  const current = lineAt(run.chronicle, position);
  const step = (d: number) => {
    const target = run.chronicle[Math.max(0, Math.min(run.chronicle.length - 1, current + d))];
    if (target) move(target.seq);
  };
  const onNetworkApplied = () => {
    if (performance.getEntriesByName('scrub', 'mark').length === 0) return;
    performance.measure('network-update', 'scrub');
    // The frame that draws the change, once painted: the next animation frame, then the task after it.
    requestAnimationFrame(() => setTimeout(() => performance.measure('network-frame', 'scrub')));
  };
  const r = run.run;
  const tieList = ties(network);
  return (
    <>
      <h1>
        Run {r.id}: {r.scenarioTitle}
      </h1>
      <p class="meta">
        {r.mode}, seed {r.seed}, {r.status}, {r.events} events
        {r.about.length > 0 && `, ${r.about.join(', ')}`} ·{' '}
        <a href={`#/what-if/${r.id}/${position + 1}`}>What if? Fork after this event</a> ·{' '}
        <a href={`#/play/from/${r.id}/${position + 1}`}>Take a seat from here</a> ·{' '}
        <a href={`#/diff/${r.parent ?? r.id}/${r.id}`}>
          {r.parent ? `Compare with run ${r.parent}` : 'Compare'}
        </a>
      </p>
      <div class="scrubber">
        <button type="button" onClick={() => step(-1)} aria-label="Previous line of the chronicle">
          ◀
        </button>
        <label class="field grow">
          <span class="visually-hidden">Position in the event log</span>
          <input
            type="range"
            min={0}
            max={last}
            value={position}
            aria-valuetext={`event ${position} of ${last}, ${timeOf(run, position)}`}
            onInput={(e) => move(Number((e.target as HTMLInputElement).value))}
          />
        </label>
        <button type="button" onClick={() => step(1)} aria-label="Next line of the chronicle">
          ▶
        </button>
        <output aria-live="polite" class="position">
          event {position} · {timeOf(run, position)}
        </output>
      </div>
      <div class="run-grid">
        <section aria-labelledby="network-title" class="panel">
          <h2 id="network-title">Alliance network</h2>
          <Graph
            elements={network}
            layoutElements={states.everything.network}
            sizeBy="strength"
            label={`The alliance network at event ${position}: factions sized by strength, ${tieList.length} ties`}
            onApplied={onNetworkApplied}
          />
          <p class="legend">
            <span class="key war">war</span> <span class="key hostile">hostile</span>{' '}
            <span class="key allied">allied</span> <span class="key agreement">agreement</span>
          </p>
          <details open={tieList.length <= 12}>
            <summary>Ties at this point ({tieList.length})</summary>
            <ul class="ties" tabIndex={0}>
              {tieList.slice(0, TIES_LISTED).map((t) => (
                <li key={t}>{t}</li>
              ))}
              {tieList.length > TIES_LISTED && <li>and {tieList.length - TIES_LISTED} more</li>}
            </ul>
          </details>
        </section>
        <section aria-labelledby="map-title" class="panel">
          <h2 id="map-title">Map</h2>
          <Graph
            layout="distances"
            elements={map}
            layoutElements={states.everything.map}
            label={`The map at event ${position}: places, forces and people`}
          />
          <p class="legend">
            Places laid out from their distances; forces and people where they are; dashed arrows: ships under
            way.
          </p>
          <details>
            <summary>Who is where</summary>
            <ul class="ties" tabIndex={0}>
              {whereabouts(map).map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </details>
        </section>
        <Chronicle run={run} current={current} onPick={move} />
      </div>
      <Milestones run={run} onPick={move} />
      <details>
        <summary>Decisions with options weighed ({run.decisions.length})</summary>
        <ul class="links">
          {run.decisions.map((d) => (
            <li key={d.seq}>
              <a href={`#/runs/${r.id}/events/${d.seq}`}>
                {d.time} {d.text}
              </a>
            </li>
          ))}
        </ul>
      </details>
      <details open>
        <summary>Talks ({run.talks.length})</summary>
        <ul class="links">
          {run.talks.map((t) => (
            <li key={t.negotiation}>
              <a href={`#/runs/${r.id}/talks/${encodeURIComponent(t.negotiation)}`}>
                {t.parties.join(' and ')}
              </a>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Summary</summary>
        <pre>{run.summary.join('\n')}</pre>
      </details>
    </>
  );
}

function Chronicle({ run, current, onPick }: { run: Run; current: number; onPick: (seq: number) => void }) {
  const list = useRef<HTMLUListElement>(null);
  const from = Math.max(0, current - WINDOW / 2);
  const lines = run.chronicle.slice(from, from + WINDOW);
  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>('[aria-current="true"]');
    if (el && list.current)
      list.current.scrollTop = el.offsetTop - list.current.offsetTop - list.current.clientHeight / 3;
  }, [current, run]);
  return (
    <section aria-labelledby="chronicle-title" class="panel chronicle">
      <h2 id="chronicle-title">Chronicle</h2>
      <ul ref={list}>
        {lines.map((l, i) => (
          <li key={l.seq} aria-current={from + i === current ? 'true' : undefined} class={`line ${l.type}`}>
            <button type="button" onClick={() => onPick(l.seq)}>
              <span class="time">{l.time}</span> {l.text}
            </button>
            {l.decision !== null && (
              <a
                href={`#/runs/${run.run.id}/events/${l.decision}`}
                aria-label={`Why: decision ${l.decision}`}
              >
                why?
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Milestones({ run, onPick }: { run: Run; onPick: (seq: number) => void }) {
  if (run.milestones.length === 0) return null;
  const story = run.milestones.filter((m) => !m.outcome);
  return (
    <section aria-labelledby="milestones-title">
      <h2 id="milestones-title">
        Milestones: {story.filter((m) => m.reached).length} of {story.length} reached
      </h2>
      <ol class="milestones">
        {run.milestones.map((m) => (
          <li key={m.id} class={m.reached ? 'reached' : 'missed'}>
            <span aria-hidden="true">{m.reached ? '✓' : '✗'}</span> {m.outcome && <em>outcome: </em>}
            {m.title}{' '}
            {m.reached && m.seq !== null ? (
              <button type="button" class="link" onClick={() => onPick(m.seq!)}>
                event {m.seq}
              </button>
            ) : (
              <span>(not reached)</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
