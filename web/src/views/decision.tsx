/**
 * One event explained: for a decision, each option's score broken into its named terms (a bar
 * chart and the same in words), the counsel, the vetoes and the choice; what it caused and what it
 * followed from.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { get, type DecisionView as Decision } from '../api';
import { Plot, PlotFigure } from '../components/plot';
import { Problems } from '../components/problems';

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

export function DecisionView({ run, seq }: { run: number; seq: number }) {
  const [d, setD] = useState<Decision | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setD(null);
    get<Decision>(`/api/runs/${run}/events/${seq}`).then(setD, setError);
  }, [run, seq]);
  const options = useMemo(() => {
    if (!d?.decision) return null;
    const rows = d.decision.options.flatMap((o) =>
      o.terms.map((t) => ({
        option: `${o.chosen ? '→ ' : o.vetoedBy ? '✗ ' : ''}${o.option}`,
        term: t.name,
        value: t.value,
        note: t.note ?? '',
      })),
    );
    return {
      marginLeft: 160,
      width: 760,
      height: 60 + 34 * d.decision.options.length,
      x: { label: 'score (sum of the terms)', grid: true },
      y: {
        label: null,
        domain: d.decision.options.map((o) => `${o.chosen ? '→ ' : o.vetoedBy ? '✗ ' : ''}${o.option}`),
      },
      color: { legend: true, scheme: 'tableau10' },
      marks: [
        Plot.barX(rows, {
          x: 'value',
          y: 'option',
          fill: 'term',
          title: (r: { term: string; value: number; note: string }) =>
            `${r.term} ${signed(r.value)}${r.note ? ` — ${r.note}` : ''}`,
        }),
        Plot.ruleX([0]),
      ],
    } as Plot.PlotOptions;
  }, [d]);
  if (error) return <Problems error={error} />;
  if (!d) return <p aria-busy="true">Loading…</p>;
  const back = `#/runs/${run}/at/${seq}`;
  return (
    <>
      <p>
        <a href={back}>
          ← Run {run} at event {seq}
        </a>
      </p>
      {d.decision ? (
        <>
          <h1>
            {d.decision.actor} ({d.decision.faction}) decides
            {d.decision.question ? ` on ${d.decision.question}` : ''}
          </h1>
          <p class="meta">
            {d.time}, event {seq}: {d.decision.summary}.
          </p>
          {d.decision.reasons.length > 0 && <p>Because: {d.decision.reasons.join('; ')}.</p>}
          {options && (
            <PlotFigure
              options={options}
              caption="Each option's score broken into its named terms (→ chosen, ✗ vetoed)"
            />
          )}
          <h2>Options</h2>
          <ul class="options">
            {d.decision.options.map((o) => (
              <li key={o.option} class={o.chosen ? 'chosen' : o.vetoedBy ? 'vetoed' : ''}>
                <strong>{o.option}</strong> {signed(o.score)}
                {o.chosen && ' (chosen)'}
                {o.vetoedBy && <span class="veto"> vetoed by {o.vetoedBy}</span>}
                <ul>
                  {o.terms.map((t, i) => (
                    <li key={i}>
                      {signed(t.value)} {t.name}
                      {t.note && ` — ${t.note}`}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {d.decision.counsel.length > 0 && (
            <>
              <h2>Counsel</h2>
              <ul>
                {d.decision.counsel.map((c, i) => (
                  <li key={i}>
                    {c.advisor}: {c.position}
                    {c.option ? ` ${c.option}` : ''}
                    {c.reasons.length > 0 && ` — ${c.reasons.join('; ')}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : d.rejection ? (
        <>
          <h1>
            {d.rejection.actor}: refused by the rule {d.rejection.rule}
          </h1>
          <p>{d.rejection.message}</p>
        </>
      ) : (
        <>
          <h1>Event {seq}</h1>
          <p>
            {d.time}: {d.text ?? `${d.type} (bookkeeping)`}
          </p>
        </>
      )}
      {d.causedBy && (
        <p>
          It follows from <a href={`#/runs/${run}/events/${d.causedBy.seq}`}>event {d.causedBy.seq}</a>:{' '}
          {d.causedBy.text}.
        </p>
      )}
      {d.effects.length > 0 && (
        <>
          <h2>What followed</h2>
          <ul class="links">
            {d.effects.map((e) => (
              <li key={e.seq}>
                <a href={`#/runs/${run}/at/${e.seq}`}>event {e.seq}</a>: {e.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
