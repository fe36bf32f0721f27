/**
 * The JSON API of `alliances serve`, every endpoint, against the built server on 127.0.0.1:
 * answers, bad input (4xx with located problems, nothing stored), the security rules and
 * `--read-only`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { binary, projectRoot, runCli, tempDir } from '../cli-harness.js';
import { finished, startTestServer, type TestServer } from '../server-harness.js';

interface Problem {
  file?: string;
  line?: number;
  column?: number;
  path: string;
  message: string;
  hint?: string;
}
interface ErrorBody {
  error: string;
  message: string;
  problems?: Problem[];
}
interface RunsBody {
  runs: { id: number; mode: string; status: string; about: string[]; events: number }[];
}

const example = (path: string) => readFileSync(join(projectRoot, path), 'utf8');

/** No answer of the API carries a stack trace. */
const noStack = (body: unknown) => expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+|\.js:\d+/);

describe('the API', () => {
  let server: TestServer;
  let scripted: number;
  let autonomous: number;

  beforeAll(async () => {
    server = await startTestServer();
    const a = await server.post<{ job: { id: string } }>('/api/runs', { scenario: 'delta-quadrant' });
    scripted = ((await finished(server, a.body.job.id)).result as { run: number }).run;
    const b = await server.post<{ job: { id: string } }>('/api/runs', {
      scenario: 'delta-quadrant',
      mode: 'autonomous',
      seed: 1,
    });
    autonomous = ((await finished(server, b.body.job.id)).result as { run: number }).run;
  });
  afterAll(() => server.close());

  const runCount = async () => (await server.get<RunsBody>('/api/runs')).body.runs.length;

  it('says it is up, and whether it stores', async () => {
    expect((await server.get('/api/health')).body).toEqual({ ok: true, readOnly: false });
  });

  it('lists the built-in scenarios and gives one’s text; never reads a path a client names', async () => {
    const list = await server.get<{ scenarios: { id: string; factions: unknown[] }[] }>('/api/scenarios');
    expect(list.body.scenarios.map((s) => s.id)).toEqual(
      expect.arrayContaining(['delta-quadrant', 'july-1914']),
    );
    expect(list.body.scenarios.find((s) => s.id === 'july-1914')?.factions).toHaveLength(8);
    for (const id of ['delta-quadrant', 'july-1914']) {
      const one = await server.get<{ text: string }>(`/api/scenarios/${id}`);
      expect(one.body.text).toBe(example(`scenarios/${id}.yaml`));
    }
    for (const name of ['..%2Fpackage.json', '%2Fetc%2Fpasswd', 'package']) {
      const bad = await server.get<ErrorBody>(`/api/scenarios/${name}`);
      expect(bad.status).toBe(400);
      expect(bad.body.problems![0]!.path).toBe('scenario');
    }
  });

  it('checks pasted scenario text, with the located problems of the CLI', async () => {
    const good = await server.post<{ scenario: { id: string; factions: unknown[] } }>(
      '/api/scenarios/check',
      {
        text: example('test/fixtures/small.yaml'),
      },
    );
    expect(good.status).toBe(200);
    expect(good.body.scenario.factions.length).toBeGreaterThan(1);
    const bad = await server.post<ErrorBody>('/api/scenarios/check', {
      text: example('test/fixtures/bad-duplicate-id.yaml'),
      file: 'bad.yaml',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toContainEqual(
      expect.objectContaining({ file: 'bad.yaml', line: 22, column: 11, path: 'persons[1].id' }),
    );
    expect(bad.body.message).toContain('bad.yaml:22:11 persons[1].id: duplicate id "ada"');
    noStack(bad.body);
  });

  it('refuses a run whose work is unbounded, naming the field', async () => {
    const text = example('scenarios/delta-quadrant.yaml').replace(/^duration: .*$/m, 'duration: 100000d');
    const r = await server.post<ErrorBody>('/api/runs', { text });
    expect(r.status).toBe(400);
    expect(r.body.problems![0]).toMatchObject({ path: 'duration', code: 'too-large' });
  });

  it('starts a run and streams its progress as server-sent events, then stores it', async () => {
    const before = await runCount();
    const r = await server.post<{ job: { id: string } }>('/api/runs', {
      scenario: 'delta-quadrant',
      mode: 'mixed',
      scriptUntil: '30h',
      seed: 2,
    });
    expect(r.status).toBe(202);
    const events = await server.events(r.body.job.id);
    expect(events.at(-1)!.event).toBe('done');
    expect(events.every((e, i) => i === 0 || e.data.done >= events[i - 1]!.data.done)).toBe(true);
    const { run, hash } = events.at(-1)!.data.result as { run: number; hash: string };
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await runCount()).toBe(before + 1);
    const listed = await server.get<RunsBody>('/api/runs?mode=mixed');
    expect(listed.body.runs.map((x) => x.id)).toEqual([run]);
    expect(listed.body.runs[0]!.about).toEqual(['script until 1d 6h']);
    const job = await server.get<{ status: string }>(`/api/jobs/${r.body.job.id}`);
    expect(job.body.status).toBe('done');
  });

  it('stores nothing for bad input, and names each bad field', async () => {
    const before = await runCount();
    const cases: [unknown, string][] = [
      [{ scenario: 'delta-quadrant', seed: -1 }, 'seed'],
      [{ scenario: 'delta-quadrant', mode: 'dreaming' }, 'mode'],
      [{ scenario: 'delta-quadrant', mode: 'mixed' }, 'scriptUntil'],
      [{ scenario: 'delta-quadrant', mode: 'mixed', scriptUntil: 'soon' }, 'scriptUntil'],
      [{ scenario: 'delta-quadrant', colour: 'red' }, ''],
      [{ scenario: 'delta-quadrant', variant: 'trabe-sincre' }, 'variants'],
      [{ scenario: 'atlantis' }, 'scenario'],
      [{ scenario: 'delta-quadrant', text: 'version: 1' }, 'scenario'],
    ];
    for (const [body, path] of cases) {
      const r = await server.post<ErrorBody>('/api/runs', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.problems!.map((p) => p.path)).toContain(path);
      noStack(r.body);
    }
    expect(await runCount()).toBe(before);
  });

  it('refuses what is not JSON, too large, or from another origin; sends no CORS headers', async () => {
    const url = new URL('/api/runs', server.url);
    const text = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
    const broken = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as ErrorBody).message).toContain('not JSON');
    const huge = await fetch(new URL('/api/scenarios/check', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(5 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    const foreign = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body: JSON.stringify({ scenario: 'delta-quadrant' }),
    });
    expect(foreign.status).toBe(403);
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // A page whose name was made to point here (DNS rebinding) is refused.
    const { request } = await import('node:http');
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(
        new URL('/api/runs', server.url),
        { headers: { Host: 'evil.example:4173' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(403);
    const plain = await server.get('/api/runs');
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 as JSON for what does not exist', async () => {
    for (const path of ['/api/runs/999', '/api/jobs/job-999', '/api/nothing', '/api/play/no-such-seat']) {
      const r = await server.get<ErrorBody>(path);
      expect(r.status, path).toBe(404);
      expect(r.body.message).toBeTruthy();
    }
    const bad = await server.get<ErrorBody>('/api/runs/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.problems![0]!.path).toBe('id');
  });

  it('serves the built app from memory, and nothing else', async () => {
    const page = await fetch(server.url);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<div id="app">');
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/src/index.ts',
      '/assets/../../package.json',
    ]) {
      const r = await fetch(new URL(path, server.url));
      expect(r.status, path).toBe(404);
    }
  });

  it('gives a run with its chronicle, milestones, decisions and talks', async () => {
    const r = await server.get<{
      run: { id: number; events: number };
      times: number[];
      chronicle: { seq: number; text: string; decision: number | null }[];
      milestones: { reached: boolean; outcome: boolean }[];
      talks: { negotiation: string }[];
    }>(`/api/runs/${scripted}`);
    expect(r.body.times.length).toBe(r.body.run.events);
    expect(r.body.chronicle[0]!.text).toBe('Alliances in the Delta Quadrant begins (scripted, seed 1).');
    expect(r.body.chronicle.some((l) => l.text.includes('the conference was a trap'))).toBe(true);
    expect(r.body.milestones.filter((m) => !m.outcome).every((m) => m.reached)).toBe(true);
    expect(r.body.talks.map((t) => t.negotiation)).toContain('federation-trabe-talks');
  });

  it('gives the network and the map over time, as changes per event', async () => {
    const t = await server.get<{
      initial: { network: Record<string, { kind: string }>; map: Record<string, { kind: string }> };
      steps: { seq: number; network?: Record<string, { kind: string; status?: string } | null> }[];
    }>(`/api/runs/${scripted}/timeline`);
    const kinds = new Set(Object.values(t.body.initial.network).map((e) => e.kind));
    expect(kinds).toContain('faction');
    expect(new Set(Object.values(t.body.initial.map).map((e) => e.kind))).toEqual(
      new Set(['place', 'route']),
    );
    // The alliance with the Trabe appears, and later goes.
    const agreement = t.body.steps.filter((s) =>
      Object.keys(s.network ?? {}).some((k) => k.startsWith('a:')),
    );
    expect(agreement.length).toBeGreaterThanOrEqual(2);
    expect(t.body.steps.every((s, i) => i === 0 || s.seq > t.body.steps[i - 1]!.seq)).toBe(true);
  });

  it('explains a decision with its options, terms, counsel and vetoes; and refuses a missing event', async () => {
    const run = await server.get<{ decisions: { seq: number; text: string }[] }>(`/api/runs/${autonomous}`);
    const janeway = run.body.decisions.find((d) => d.text.startsWith('Kathryn Janeway: seek an alliance'))!;
    const d = await server.get<{
      decision: {
        actor: string;
        options: { option: string; chosen: boolean; vetoedBy: string | null; terms: { name: string }[] }[];
        counsel: { advisor: string }[];
      };
      effects: { seq: number }[];
    }>(`/api/runs/${autonomous}/events/${janeway.seq}`);
    expect(d.body.decision.actor).toBe('Kathryn Janeway');
    const chosen = d.body.decision.options.find((o) => o.chosen)!;
    expect(chosen.terms.map((t) => t.name)).toContain('vulnerability');
    expect(d.body.decision.options.some((o) => o.vetoedBy === 'principle:no-technology-transfer')).toBe(true);
    expect(d.body.decision.counsel.map((c) => c.advisor)).toContain('Tuvok');
    expect(d.body.effects.length).toBeGreaterThan(0);
    const effect = await server.get<{ causedBy: { seq: number } }>(
      `/api/runs/${autonomous}/events/${d.body.effects[0]!.seq}`,
    );
    expect(effect.body.causedBy.seq).toBe(janeway.seq);
    const missing = await server.get<ErrorBody>(`/api/runs/${autonomous}/events/99999`);
    expect(missing.status).toBe(400);
    expect(missing.body.problems![0]).toMatchObject({ path: 'seq' });
  });

  it('places talks in utility space with the frontier and the Nash point', async () => {
    const t = await server.get<{
      parties: { id: string }[];
      offers: { utilities: number[] }[];
      pareto: unknown[];
      nash: { utilities: number[] } | null;
      transcript: unknown[];
    }>(`/api/runs/${scripted}/talks/federation-trabe-talks`);
    expect(t.body.parties.map((p) => p.id)).toEqual(['federation', 'trabe']);
    expect(t.body.offers.length).toBeGreaterThan(0);
    expect(t.body.pareto.length).toBeGreaterThan(0);
    expect(t.body.nash!.utilities).toHaveLength(2);
    expect(t.body.transcript.length).toBeGreaterThan(0);
    expect((await server.get(`/api/runs/${scripted}/talks/no-such-talks`)).status).toBe(404);
  });

  it('verifies a stored run', async () => {
    const v = await server.get<{ matches: boolean }>(`/api/runs/${scripted}/verify`);
    expect(v.body.matches).toBe(true);
  });

  it('forks a run with checked edits and compares the two; a bad edit stores nothing', async () => {
    const before = await runCount();
    for (const [set, path] of [
      [['factions.federation.principlez.x=1'], 'set[0]'],
      [['ok', '__proto__.polluted=1'], 'set[0]'],
      [['persons.janeway.personality.pride=7'], 'set[0]'],
    ] as const) {
      const bad = await server.post<ErrorBody>(`/api/runs/${autonomous}/forks`, { at: 17, set });
      expect(bad.status, set.join()).toBe(400);
      expect(bad.body.problems!.map((p) => p.path)).toContain(path);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const tooFar = await server.post<ErrorBody>(`/api/runs/${autonomous}/forks`, { at: 10 ** 7 });
    expect(tooFar.status).toBe(400);
    expect(await runCount()).toBe(before);
    const fork = await server.post<{ job: { id: string } }>(`/api/runs/${autonomous}/forks`, {
      at: 17,
      set: ['factions.federation.principles.no-technology-transfer=null'],
    });
    const done = await finished(server, fork.body.job.id);
    const id = (done.result as { run: number }).run;
    const d = await server.get<{
      commonPrefix: number;
      divergence: { b: string };
      milestones: { id: string; differs: boolean }[];
      chronicles: { a: unknown[]; b: unknown[] };
    }>(`/api/diff?a=${autonomous}&b=${id}`);
    expect(d.body.commonPrefix).toBe(17);
    expect(d.body.divergence.b).toContain('The world is changed');
    expect(d.body.milestones.find((m) => m.id === 'technology-transferred')!.differs).toBe(true);
    expect(d.body.chronicles.b.length).toBeGreaterThan(0);
    const bad = await server.get<ErrorBody>('/api/diff?a=1&b=x');
    expect(bad.status).toBe(400);
    expect(bad.body.problems![0]!.path).toBe('b');
  });

  it('seats a player: questions with news, counsel and vetoes; answers checked; the run verifies', async () => {
    const refused = [
      [{ scenario: 'delta-quadrant', mode: 'scripted', faction: 'federation' }, 'mode'],
      [{ scenario: 'delta-quadrant', faction: 'borg' }, 'faction'],
    ] as const;
    for (const [body, path] of refused) {
      const r = await server.post<ErrorBody>('/api/play', body);
      expect(r.status).toBe(400);
      expect(r.body.problems!.map((p) => p.path)).toContain(path);
    }
    type Seat = {
      id: string;
      answers: number;
      job: string | null;
      question: {
        number: number;
        recommended: string[];
        news: unknown[];
        counsel: unknown[];
        options: { option: string; vetoedBy: string | null }[];
      } | null;
    };
    const seat = await server.post<Seat>('/api/play', {
      scenario: 'delta-quadrant',
      mode: 'autonomous',
      seed: 3,
      faction: 'federation',
    });
    expect(seat.status).toBe(201);
    const q1 = seat.body.question!;
    expect(q1.number).toBe(1);
    expect(q1.news.length).toBeGreaterThan(0);
    expect(q1.counsel.length).toBeGreaterThan(0);
    const vetoed = q1.options.find((o) => o.vetoedBy !== null)!;
    const refusedAnswer = await server.post<ErrorBody>(`/api/play/${seat.body.id}/answer`, {
      choose: [vetoed.option],
    });
    expect(refusedAnswer.status).toBe(400);
    expect(refusedAnswer.body.problems![0]!.message).toContain('vetoed');
    const missing = await server.post<ErrorBody>(`/api/play/${seat.body.id}/answer`, { choose: ['nothing'] });
    expect(missing.status).toBe(400);
    const s2 = await server.post<Seat>(`/api/play/${seat.body.id}/answer`, { choose: null });
    expect(s2.body.question!.number).toBe(2);
    const other = s2.body.question!.options.find(
      (o) => o.vetoedBy === null && !s2.body.question!.recommended.includes(o.option),
    )!;
    const s3 = await server.post<Seat>(`/api/play/${seat.body.id}/answer`, { choose: [other.option] });
    expect(s3.body.answers).toBe(2);
    expect((await server.get<Seat>(`/api/play/${seat.body.id}`)).body.question!.number).toBe(3);
    const left = await server.post<Seat>(`/api/play/${seat.body.id}/leave`, {});
    const done = await finished(server, left.body.job!);
    const run = (done.result as { run: number }).run;
    const listed = (await server.get<RunsBody>('/api/runs')).body.runs.find((r) => r.id === run)!;
    expect(listed.about).toEqual(['played: federation']);
    expect((await server.get<{ matches: boolean }>(`/api/runs/${run}/verify`)).body.matches).toBe(true);
    // `alliances verify` replays the player's answers from the store.
    const cli = runCli(['verify', String(run), '--db', server.db]);
    expect(cli.stdout).toContain(`run ${run} verified`);
    expect(cli.status).toBe(0);
  });

  it('seats a player in a fork of a stored run, from the fork point on', async () => {
    const seat = await server.post<{ question: { number: number; news: { seq: number }[] } }>('/api/play', {
      faction: 'federation',
      fork: { run: autonomous, at: 17 },
    });
    expect(seat.status).toBe(201);
    expect(seat.body.question.number).toBe(1);
    // What the faction saw since the fork point, not before it.
    expect(seat.body.question.news.every((n) => n.seq >= 17)).toBe(true);
    const bad = await server.post<ErrorBody>('/api/play', {
      faction: 'federation',
      fork: { run: autonomous, at: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems![0]!.path).toBe('fork.at');
  });

  it('runs a fidelity report with progress, variants side by side', async () => {
    const bad = await server.post<ErrorBody>('/api/fidelity', { seeds: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.problems![0]!.path).toBe('seeds');
    const r = await server.post<{ job: { id: string } }>('/api/fidelity', {
      scenario: 'delta-quadrant',
      seeds: 3,
      variants: [null, 'trabe-sincere'],
    });
    const events = await server.events(r.body.job.id);
    expect(events.at(-1)!.event).toBe('done');
    const report = events.at(-1)!.data.result as {
      reports: {
        variant: string | null;
        seeds: number;
        milestones: { share: number }[];
        reachedPerRun: { distribution: number[] };
      }[];
    };
    expect(report.reports.map((x) => x.variant)).toEqual([null, 'trabe-sincere']);
    for (const x of report.reports) {
      expect(x.seeds).toBe(3);
      expect(x.reachedPerRun.distribution.reduce((a, b) => a + b, 0)).toBe(3);
    }
  });

  it('runs the analytic models on pasted YAML, with located errors', async () => {
    const l = await server.post<{ actors: { name: string; bloc: number }[]; energy: number }>(
      '/api/analysis/landscape',
      { text: example('examples/analysis/delta-quadrant-landscape.yaml') },
    );
    const bloc = (name: string) => l.body.actors.find((a) => a.name === name)!.bloc;
    expect(l.body.energy).toBe(-169);
    expect(bloc('Voyager')).toBe(bloc('Trabe'));
    expect(bloc('Voyager')).not.toBe(bloc('Nistrim'));
    const p = await server.post<{ players: { name: string; shapleyShubik: number }[] }>(
      '/api/analysis/power',
      {
        text: example('examples/analysis/un-security-council.yaml'),
      },
    );
    expect(p.body.players.find((x) => x.name === 'China')!.shapleyShubik).toBeCloseTo(421 / 2145, 10);
    const f = await server.post<{ forecasts: { model: string; forecast: number[] }[]; rounds: unknown[] }>(
      '/api/analysis/forecast',
      { text: example('docs/examples/ec-emissions.yaml') },
    );
    expect(f.body.forecasts.find((x) => x.model === 'eu')!.forecast[0]).toBeCloseTo(7, 2);
    expect(f.body.rounds.length).toBeGreaterThan(0);
    const bad = await server.post<ErrorBody>('/api/analysis/landscape', {
      text: 'actors: [',
      file: 'mine.yaml',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems![0]!.file).toBe('mine.yaml');
    expect(bad.body.problems![0]!.line).toBeGreaterThan(0);
  });
});

describe('a read-only server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ readOnly: true });
  });
  afterAll(() => server.close());

  it('refuses every write and answers every read', async () => {
    expect((await server.get('/api/health')).body).toEqual({ ok: true, readOnly: true });
    for (const [path, body] of [
      ['/api/runs', { scenario: 'delta-quadrant' }],
      ['/api/runs/1/forks', { at: 1 }],
      ['/api/play', { scenario: 'delta-quadrant', faction: 'federation' }],
      ['/api/play/x/answer', { choose: null }],
      ['/api/play/x/leave', {}],
    ] as const) {
      const r = await server.post<ErrorBody>(path, body);
      expect(r.status, path).toBe(403);
      expect(r.body.error).toBe('read-only');
    }
    expect((await server.get<RunsBody>('/api/runs')).body.runs).toEqual([]);
  });
});

describe('alliances serve', () => {
  it('listens on 127.0.0.1 and says where; refuses a bad port', async () => {
    const bad = runCli(['serve', '--port', 'http']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--port');
    const db = join(tempDir('alliances-serve-'), 'runs.db');
    const child = spawn(process.execPath, [binary, 'serve', '--port', '0', '--read-only', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /served at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`the server stopped: ${out}`)));
      });
      const health = (await (await fetch(new URL('/api/health', url))).json()) as { readOnly: boolean };
      expect(health.readOnly).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});
