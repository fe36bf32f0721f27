/**
 * Talks: the transcript, and each offer as a point in the parties' utility space with the path of
 * offers, the Pareto frontier of the agenda and the Nash point (as GENIUS and NegMAS draw them).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { get, type TalksView as Talks } from '../api';
import { Plot, PlotFigure } from '../components/plot';
import { Problems } from '../components/problems';

export function TalksView({ run, negotiation }: { run: number; negotiation: string }) {
  const [t, setT] = useState<Talks | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    get<Talks>(`/api/runs/${run}/talks/${encodeURIComponent(negotiation)}`).then(setT, setError);
  }, [run, negotiation]);
  const options = useMemo(() => {
    if (!t || t.parties.length !== 2) return null;
    const [a, b] = t.parties;
    const point = (u: readonly number[]) => ({ x: u[0]!, y: u[1]! });
    const offers = t.offers.map((o, i) => ({
      ...point(o.utilities),
      n: i + 1,
      by: o.by,
      text: `${i + 1}. ${o.speaker} (${o.by}) ${o.kind}: ${o.terms.join(', ')}`,
    }));
    const frontier = [...t.pareto]
      .map((p) => ({ ...point(p.utilities), text: p.terms.join(', ') }))
      .sort((p, q) => p.x - q.x);
    const nash = t.nash
      ? [{ ...point(t.nash.utilities), text: `Nash point: ${t.nash.terms.join(', ')}` }]
      : [];
    return {
      width: 640,
      height: 460,
      grid: true,
      x: { label: `utility to ${a!.name}`, domain: [0, 1.05] },
      y: { label: `utility to ${b!.name}`, domain: [0, 1.05] },
      color: { legend: true },
      marks: [
        Plot.ruleX([t.reservations[0] ?? 0], { stroke: '#9aa5b1', strokeDasharray: '4 3' }),
        Plot.ruleY([t.reservations[1] ?? 0], { stroke: '#9aa5b1', strokeDasharray: '4 3' }),
        Plot.line(frontier, { x: 'x', y: 'y', stroke: '#52606d', strokeWidth: 1.5, curve: 'step-after' }),
        Plot.dot(frontier, { x: 'x', y: 'y', stroke: '#52606d', r: 3, title: 'text' }),
        Plot.line(offers, { x: 'x', y: 'y', stroke: '#7e3fa0', strokeDasharray: '2 2', markerEnd: 'arrow' }),
        Plot.dot(offers, { x: 'x', y: 'y', fill: 'by', r: 6, title: 'text' }),
        Plot.text(offers, { x: 'x', y: 'y', text: 'n', dy: -11 }),
        Plot.dot(nash, {
          x: 'x',
          y: 'y',
          symbol: 'star',
          r: 9,
          fill: '#d4a106',
          stroke: '#1f2933',
          title: 'text',
        }),
        Plot.text(nash, { x: 'x', y: 'y', text: () => 'Nash', dx: 14, textAnchor: 'start' }),
      ],
    } as Plot.PlotOptions;
  }, [t]);
  if (error) return <Problems error={error} />;
  if (!t) return <p aria-busy="true">Loading…</p>;
  return (
    <>
      <p>
        <a href={`#/runs/${run}/at/${t.transcript.at(-1)?.seq ?? 0}`}>← Run {run}</a>
      </p>
      <h1>Talks between {t.parties.map((p) => p.name).join(' and ')}</h1>
      <p class="meta">
        {t.status}; agenda: {t.issues.join('; ') || 'none'}
      </p>
      {options && (
        <PlotFigure
          options={options}
          caption={`Offers in utility space (numbered in order), the Pareto frontier (grey)${t.nash ? ', the Nash point (star)' : ''}; dashed lines: what each has without an agreement. ${t.pareto.length === 0 ? 'No outcome lies within both parties’ red lines.' : ''}`}
        />
      )}
      <h2>Offers</h2>
      <ol>
        {t.offers.map((o, i) => (
          <li key={i}>
            {o.time} {o.speaker} ({o.by}) {o.kind}: {o.terms.join(', ')} — utilities{' '}
            {o.utilities.map((u) => u.toFixed(2)).join(' / ')}
          </li>
        ))}
      </ol>
      {t.nash && (
        <p>
          Nash point: {t.nash.terms.join(', ')} ({t.nash.utilities.map((u) => u.toFixed(2)).join(' / ')})
        </p>
      )}
      <h2>Transcript</h2>
      <ul class="links">
        {t.transcript.map((l) => (
          <li key={l.seq}>
            <a href={`#/runs/${run}/at/${l.seq}`}>{l.time}</a> {l.text}
          </li>
        ))}
      </ul>
    </>
  );
}
