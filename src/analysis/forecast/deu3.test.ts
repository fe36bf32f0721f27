import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../common/errors.js';
import { baselineForecast, weightedMedian } from './baselines.js';
import { crossValidate, proposalFolds } from './benchmark.js';
import { deuForecastIssue, parseDeu3 } from './deu3.js';

const here = dirname(fileURLToPath(import.meta.url));
const deuFile = join(
  resolve(process.env.ALLIANCES_DATA ?? join(here, '..', '..', '..', '..', 'shared', 'data')),
  'deu3',
  'deu3.csv',
);

const tiny = [
  ['"prnr"', '"isnr"', '"proc"', '"pcom"', '"pat"', '"scom"', '"sat"', '"rp"', '"out"'].join('\t'),
  ['', '', '', '"4.1"', '"0.5"', '', '', '', ''].join('\t'),
  ['"p1"', '"p1i1"', '"COD"', '0', '100', '50', '80', '0', '40'].join('\t'),
  ['"p1"', '"p1i2"', '"COD"', '20', '', '50', '80', '', ''].join('\t'),
  ['"p2"', '"p2i1"', '"CNS"', '100', '0', '', '30', '100', '100'].join('\t'),
].join('\n');

describe('DEU III parsing', () => {
  it('reads actors, capabilities and issues with an outcome', () => {
    const data = parseDeu3(tiny, 'tiny.csv');
    expect(data.actorCodes).toEqual(['com', 'at']);
    expect(data.gdpCapability).toEqual({ com: 4.1, at: 0.5 });
    expect(data.withoutOutcome).toBe(1);
    expect(data.issues).toHaveLength(2);
    expect(data.issues[0]).toMatchObject({
      id: 'p1i1',
      proposal: 'p1',
      procedure: 'COD',
      referencePoint: 0,
      outcome: 40,
    });
    expect(data.issues[0]!.actors).toEqual([
      { actor: 'com', position: 0, salience: 50 },
      { actor: 'at', position: 100, salience: 80 },
    ]);
    // The Commission has no salience on p2i1: it takes no part.
    expect(data.issues[1]!.actors.map((a) => a.actor)).toEqual(['at']);
    const issue = deuForecastIssue(data, data.issues[0]!, 'gdp', 0.5);
    expect(issue.actors.map((a) => a.capability)).toEqual([Math.sqrt(4.1), Math.sqrt(0.5)]);
    expect(deuForecastIssue(data, data.issues[0]!, 'equal').actors.map((a) => a.capability)).toEqual([1, 1]);
  });

  it('locates bad numbers and missing columns', () => {
    const bad = tiny.replace('"p1"\t"p1i1"\t"COD"\t0', '"p1"\t"p1i1"\t"COD"\tzero');
    try {
      parseDeu3(bad, 'bad.csv');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems[0]).toMatchObject({ line: 3, path: 'pcom' });
    }
    expect(() => parseDeu3('a\tb\n', 'x.csv')).toThrow(InputError);
  });
});

describe('cross-validation', () => {
  it('deals proposals round-robin to folds, keeping a proposal together', () => {
    expect(proposalFolds(['b', 'a', 'b', 'c', 'a'], 2)).toEqual([1, 0, 1, 0, 0]);
  });

  it('chooses per fold the candidate best on the other folds', () => {
    const truth = [0, 0, 10, 10];
    const folds = [0, 0, 1, 1];
    const candidates = [
      { label: 'zero', predictions: [0, 0, 0, 0] },
      { label: 'ten', predictions: [10, 10, 10, 10] },
    ];
    // Fold 0 is forecast by the candidate best on fold 1 (ten), and vice versa: all wrong by 10.
    expect(crossValidate(candidates, truth, folds, 2)).toEqual({ mae: 10, chosen: ['ten', 'zero'] });
  });
});

describe.skipIf(!existsSync(deuFile))('DEU III baselines', () => {
  const data = parseDeu3(readFileSync(deuFile, 'utf8'), deuFile);
  const mae = (f: (i: number) => number) =>
    data.issues.reduce((s, issue, i) => s + Math.abs(f(i) - issue.outcome), 0) / data.issues.length;

  it('has 353 issues with an outcome', () => {
    expect(data.issues).toHaveLength(353);
  });

  it('reproduces the published baselines: 23.68, 23.22 and 28.42', () => {
    const salienceMean = mae(
      (i) => baselineForecast(deuForecastIssue(data, data.issues[i]!, 'equal'), 'mean')[0]!,
    );
    const gdpMean = mae((i) => baselineForecast(deuForecastIssue(data, data.issues[i]!, 'gdp'), 'mean')[0]!);
    const median = mae((i) => {
      const xs = data.issues[i]!.actors.map((a) => a.position);
      return weightedMedian(
        xs,
        xs.map(() => 1),
      );
    });
    expect(salienceMean.toFixed(2)).toBe('23.68');
    expect(gdpMean.toFixed(2)).toBe('23.22');
    expect(median.toFixed(2)).toBe('28.42');
  });
});
