/**
 * Analysis: landscape theory's blocs on a graph, power indices as bars, a bargaining forecast's
 * positions per round with each model's final forecast — from pasted YAML or a file read here.
 */
import { useMemo, useState } from 'preact/hooks';
import { post, type ElementView } from '../api';
import { Graph } from '../components/graph';
import { Plot, PlotFigure } from '../components/plot';
import { Problems } from '../components/problems';
import landscapeExample from '../../../examples/analysis/delta-quadrant-landscape.yaml?raw';
import powerExample from '../../../examples/analysis/un-security-council.yaml?raw';
import forecastExample from '../../../docs/examples/ec-emissions.yaml?raw';

type Kind = 'landscape' | 'power' | 'forecast';
const EXAMPLES: Record<Kind, [string, string]> = {
  landscape: ['delta-quadrant-landscape.yaml', landscapeExample],
  power: ['un-security-council.yaml', powerExample],
  forecast: ['ec-emissions.yaml', forecastExample],
};

interface Landscape {
  energy: number;
  exact: boolean;
  actors: { name: string; size: number; bloc: number; frustration: number }[];
  ties: { a: string; b: string; propensity: number }[];
}
interface Power {
  kind: string;
  quota: number | null;
  players: { name: string; shapleyShubik: number | null; banzhaf: number | null }[];
}
interface Forecast {
  name: string | null;
  dimensions: string[];
  scale: [number, number];
  forecasts: { model: string; title: string; forecast: number[] }[];
  rounds: { model: string; dimension: string; round: number; actor: string; position: number }[];
}

export function AnalysisView() {
  const [kind, setKind] = useState<Kind>('landscape');
  const [text, setText] = useState(EXAMPLES.landscape[1]);
  const [file, setFile] = useState(EXAMPLES.landscape[0]);
  const [result, setResult] = useState<{ kind: Kind; value: unknown } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const choose = (k: Kind) => {
    setKind(k);
    setText(EXAMPLES[k][1]);
    setFile(EXAMPLES[k][0]);
    setResult(null);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    setError(null);
    post(`/api/analysis/${kind}`, { text, file }).then(
      (value) => setResult({ kind, value }),
      (err: unknown) => {
        setResult(null);
        setError(err);
      },
    );
  };
  const upload = (e: Event) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f)
      void f
        .text()
        .then((t) => (setText(t), setFile(f.name.replace(/[^\w.-]/g, '_').slice(0, 80) || 'input.yaml')));
  };
  return (
    <>
      <h1>Analysis</h1>
      <form onSubmit={submit}>
        <fieldset>
          <legend>Model</legend>
          {(
            [
              ['landscape', 'Landscape: which blocs form'],
              ['power', 'Power indices of a voting game'],
              ['forecast', 'Bargaining forecast'],
            ] as const
          ).map(([k, title]) => (
            <label key={k} class="field">
              <input type="radio" name="model" checked={kind === k} onChange={() => choose(k)} /> {title}
            </label>
          ))}
        </fieldset>
        <label class="field block">
          Input ({file})
          <textarea
            rows={12}
            spellcheck={false}
            value={text}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <div class="row">
          <button type="submit">Analyse</button>
          <label>
            Read a file <input type="file" accept=".yaml,.yml,.json,.csv" onChange={upload} />
          </label>
        </div>
        <Problems error={error} />
      </form>
      {result?.kind === 'landscape' && <LandscapeResult r={result.value as Landscape} />}
      {result?.kind === 'power' && <PowerResult r={result.value as Power} />}
      {result?.kind === 'forecast' && <ForecastResult r={result.value as Forecast} />}
    </>
  );
}

function LandscapeResult({ r }: { r: Landscape }) {
  const elements = useMemo(() => {
    const m = new Map<string, ElementView>();
    for (const a of r.actors) m.set(`n:${a.name}`, { kind: `bloc-${a.bloc}`, label: a.name, size: a.size });
    const largest = Math.max(...r.ties.map((t) => Math.abs(t.propensity)), 1e-9);
    for (const t of r.ties)
      m.set(`t:${t.a}|${t.b}`, {
        kind: 'tie',
        label: String(t.propensity),
        source: `n:${t.a}`,
        target: `n:${t.b}`,
        propensity: t.propensity,
        width: 1 + (5 * Math.abs(t.propensity)) / largest,
      });
    return m;
  }, [r]);
  const blocs = [...new Set(r.actors.map((a) => a.bloc))].sort();
  return (
    <section aria-labelledby="landscape-title">
      <h2 id="landscape-title">
        Two blocs, energy {r.energy} ({r.exact ? 'exact minimum' : 'best found'})
      </h2>
      <Graph
        elements={elements}
        layoutElements={elements}
        sizeBy="size"
        label="Actors coloured by bloc; green ties attract, red dashed ties repel"
      />
      {blocs.map((b) => (
        <p key={b}>
          Bloc {b}:{' '}
          {r.actors
            .filter((a) => a.bloc === b)
            .map((a) => a.name)
            .join(', ')}
        </p>
      ))}
    </section>
  );
}

function PowerResult({ r }: { r: Power }) {
  const rows = r.players.flatMap((p) => [
    ...(p.shapleyShubik !== null
      ? [{ player: p.name, index: 'Shapley–Shubik', value: p.shapleyShubik }]
      : []),
    ...(p.banzhaf !== null ? [{ player: p.name, index: 'Banzhaf (normalised)', value: p.banzhaf }] : []),
  ]);
  return (
    <section aria-labelledby="power-title">
      <h2 id="power-title">
        Power indices ({r.kind} game{r.quota !== null ? `, quota ${r.quota}` : ''})
      </h2>
      <PlotFigure
        caption="Each player's share of power"
        options={{
          marginLeft: 120,
          width: 760,
          height: 40 + r.players.length * 30,
          x: { label: 'index', grid: true },
          y: { axis: null },
          fy: { label: null, domain: r.players.map((p) => p.name) },
          color: { legend: true },
          marks: [
            Plot.barX(rows, {
              x: 'value',
              y: 'index',
              fy: 'player',
              fill: 'index',
              title: (d: { value: number }) => d.value.toFixed(4),
            }),
          ],
        }}
      />
      <table>
        <thead>
          <tr>
            <th scope="col">player</th>
            <th scope="col">Shapley–Shubik</th>
            <th scope="col">Banzhaf</th>
          </tr>
        </thead>
        <tbody>
          {r.players.map((p) => (
            <tr key={p.name}>
              <td>{p.name}</td>
              <td>{p.shapleyShubik?.toFixed(4) ?? '-'}</td>
              <td>{p.banzhaf?.toFixed(4) ?? '-'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ForecastResult({ r }: { r: Forecast }) {
  const dimension = r.dimensions[0]!;
  const rounds = r.rounds.filter((x) => x.dimension === dimension);
  const finals = r.forecasts.map((f) => ({ model: f.model, value: f.forecast[0]! }));
  return (
    <section aria-labelledby="forecast-title">
      <h2 id="forecast-title">
        Forecast{r.name ? ` of ${r.name}` : ''} ({dimension})
      </h2>
      <PlotFigure
        caption="Each actor's position per round of the expected-utility model and per turn of the spatial model; dashed: each model's final forecast"
        options={{
          width: 820,
          height: 520,
          marginRight: 60,
          y: { domain: r.scale, label: 'position', grid: true },
          x: { label: 'round' },
          fy: { label: null },
          color: { legend: true },
          marks: [
            Plot.line(rounds, { x: 'round', y: 'position', z: 'actor', stroke: 'actor', fy: 'model' }),
            Plot.ruleY(
              finals.filter((f) => f.model === 'eu' || f.model === 'smp').map((f) => ({ ...f, fy: f.model })),
              { y: 'value', fy: 'fy', stroke: '#1f2933', strokeDasharray: '4 3' },
            ),
          ],
        }}
      />
      <PlotFigure
        caption="Each model's final forecast"
        options={{
          marginLeft: 90,
          width: 640,
          height: 60 + finals.length * 26,
          x: { domain: r.scale, label: 'forecast', grid: true },
          y: { label: null },
          marks: [
            Plot.dot(finals, { x: 'value', y: 'model', r: 6, fill: '#2f6fb0' }),
            Plot.text(finals, {
              x: 'value',
              y: 'model',
              text: (d: { value: number }) => d.value.toFixed(2),
              dx: 12,
              textAnchor: 'start',
            }),
          ],
        }}
      />
      <ul>
        {r.forecasts.map((f) => (
          <li key={f.model}>
            {f.model}: {f.forecast.map((x) => x.toFixed(2)).join(', ')} — {f.title}
          </li>
        ))}
      </ul>
    </section>
  );
}
