/** Fidelity: how often the autonomous leaders re-enact each milestone, over many seeds, variants side by side. */
import { useMemo, useState } from 'preact/hooks';
import { post, type FidelityView as Report, type JobView, type ScenarioInfo } from '../api';
import { JobProgress, useJob } from '../components/job';
import { Plot, PlotFigure } from '../components/plot';
import { Problems } from '../components/problems';
import { ScenarioSource, type Source } from '../components/scenario-source';

export function FidelityView() {
  const [source, setSource] = useState<Source>({ scenario: 'delta-quadrant' });
  const [info, setInfo] = useState<ScenarioInfo | null>(null);
  const [seeds, setSeeds] = useState('20');
  const [firstSeed, setFirstSeed] = useState('1');
  const [variants, setVariants] = useState<(string | null)[]>([null]);
  const [report, setReport] = useState<Report | null>(null);
  const { job, error, start } = useJob<Report>(setReport);
  const submit = (e: Event) => {
    e.preventDefault();
    setReport(null);
    start(
      post<{ job: JobView }>('/api/fidelity', {
        ...source,
        variants,
        seeds: Number(seeds),
        firstSeed: Number(firstSeed),
      }),
    );
  };
  const toggle = (v: string | null, on: boolean) =>
    setVariants(on ? [...variants, v] : variants.filter((x) => x !== v));
  return (
    <>
      <h1>Fidelity</h1>
      <p>
        Runs the scenario autonomously over many seeds and counts how often the leaders reach each milestone
        of its story.
      </p>
      <form onSubmit={submit}>
        <ScenarioSource idPrefix="fidelity" onChange={(s, i) => (setSource(s), setInfo(i))} />
        <div class="row">
          <label class="field">
            Seeds{' '}
            <input
              inputMode="numeric"
              size={5}
              value={seeds}
              onInput={(e) => setSeeds((e.target as HTMLInputElement).value)}
            />
          </label>
          <label class="field">
            First seed{' '}
            <input
              inputMode="numeric"
              size={5}
              value={firstSeed}
              onInput={(e) => setFirstSeed((e.target as HTMLInputElement).value)}
            />
          </label>
        </div>
        <fieldset>
          <legend>Variants side by side</legend>
          {[null, ...(info?.variants ?? []).map((v) => v.id)].map((v) => (
            <label key={v ?? ''} class="field">
              <input
                type="checkbox"
                checked={variants.includes(v)}
                onChange={(e) => toggle(v, (e.target as HTMLInputElement).checked)}
              />{' '}
              {v ?? 'as written'}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={variants.length === 0}>
          Run the report
        </button>
        <JobProgress job={job} label="Runs" />
        <Problems error={error} />
      </form>
      {report && <FidelityReport report={report} />}
    </>
  );
}

function FidelityReport({ report }: { report: Report }) {
  const name = (v: string | null) => v ?? 'as written';
  const shares = useMemo(
    () =>
      report.reports.flatMap((r) =>
        r.milestones.map((m) => ({
          milestone: m.id,
          variant: name(r.variant),
          share: m.share,
          outcome: m.outcome,
        })),
      ),
    [report],
  );
  const histogram = useMemo(
    () =>
      report.reports.flatMap((r) =>
        r.reachedPerRun.distribution.map((runs, k) => ({ reached: k, runs, variant: name(r.variant) })),
      ),
    [report],
  );
  const milestones = report.reports[0]!.milestones.map((m) => m.id);
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">
        Fidelity of {report.scenario}: {report.reports[0]!.seeds} runs per variant
      </h2>
      <PlotFigure
        caption="Share of runs that reach each milestone"
        options={{
          marginLeft: 230,
          width: 820,
          height: 50 + milestones.length * 16 * report.reports.length + milestones.length * 6,
          x: { domain: [0, 1], label: 'share of runs', percent: true, grid: true },
          fy: { domain: milestones, label: null },
          y: { axis: null },
          color: { legend: report.reports.length > 1 },
          marks: [
            Plot.barX(shares, {
              x: 'share',
              y: 'variant',
              fy: 'milestone',
              fill: 'variant',
              title: (d: { share: number; variant: string }) =>
                `${d.variant}: ${(100 * d.share).toFixed(0)}%`,
            }),
          ],
        }}
      />
      <PlotFigure
        caption="Runs by the number of story milestones they reach"
        options={{
          width: 640,
          height: 280,
          x: { label: 'story milestones reached', axis: null },
          fx: { label: 'story milestones reached' },
          y: { label: 'runs', grid: true },
          color: { legend: report.reports.length > 1 },
          marks: [
            Plot.barY(histogram, { fx: 'reached', x: 'variant', y: 'runs', fill: 'variant' }),
            Plot.ruleY([0]),
          ],
        }}
      />
      <table>
        <thead>
          <tr>
            <th scope="col">milestone</th>
            {report.reports.map((r) => (
              <th scope="col" key={name(r.variant)}>
                {name(r.variant)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.reports[0]!.milestones.map((m, i) => (
            <tr key={m.id}>
              <td title={m.title}>
                {m.outcome ? 'outcome: ' : ''}
                {m.id}
              </td>
              {report.reports.map((r) => (
                <td key={name(r.variant)}>{(100 * r.milestones[i]!.share).toFixed(0)}%</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {report.reports.map((r) => (
        <p key={name(r.variant)}>
          {name(r.variant)}: median {r.reachedPerRun.median} of {r.reachedPerRun.of} story milestones per run;
          principle violations: {r.principleViolations}
        </p>
      ))}
    </section>
  );
}
