/// <reference lib="dom" />
/**
 * The web app in a real browser: Debian's Chromium driven by playwright-core, headless, against the
 * built server on 127.0.0.1. The tests do what a user does — start a run, scrub to the conference,
 * open a decision, fork, play three questions and verify, run a fidelity report — and assert on
 * visible text and element state; the keyboard works the scrubber and the seat; axe-core finds no
 * serious accessibility violation. Scrubbing speed is measured with performance marks and printed
 * (recorded in BENCHMARKS.md), never asserted.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/scenario/generate.js';
import { projectRoot, tempDir } from '../cli-harness.js';
import { finished, startTestServer, type TestServer } from '../server-harness.js';

const CHROMIUM = '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A fresh profile each time (`launchPersistentContext` passes it as --user-data-dir). */
async function launch(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('alliances-chromium-'), {
    viewport: { width: 1500, height: 1000 },
    // Lets the test inject axe-core into pages whose Content-Security-Policy forbids inline scripts.
    bypassCSP: true,
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Serious and critical accessibility violations on the page as it is now (axe-core, WCAG 2 A/AA). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            o: unknown,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 3).join(', ')}`);
}

/** Scrubs through `positions` and returns the measured redraws (ms), as the app marks them. */
async function measureScrubbing(page: Page, positions: readonly number[]) {
  return page.evaluate(async (list) => {
    const input = document.querySelector<HTMLInputElement>('input[type=range]')!;
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    performance.clearMeasures();
    for (const p of list) {
      input.value = String(p);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      await frame();
    }
    const durations = (name: string) =>
      performance
        .getEntriesByName(name, 'measure')
        .map((m) => m.duration)
        .sort((a, b) => a - b);
    const stats = (xs: number[]) => ({
      n: xs.length,
      median: xs[Math.floor(xs.length / 2)] ?? NaN,
      p95: xs[Math.floor(xs.length * 0.95)] ?? NaN,
      max: xs.at(-1) ?? NaN,
    });
    return { update: stats(durations('network-update')), frame: stats(durations('network-frame')) };
  }, positions);
}

describe('the web app in Chromium', () => {
  let server: TestServer;
  let browser: BrowserContext;
  let page: Page;
  const measured: Record<string, unknown> = {};
  const pageErrors: string[] = [];

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`).toBe(true);
    server = await startTestServer();
    browser = await launch();
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    const out = join(projectRoot, '.tmp');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'web-bench.json'), `${JSON.stringify(measured, null, 2)}\n`);
    console.log('web app speed:', JSON.stringify(measured));
  });

  it('starts a run of delta-quadrant, scrubs to the conference and sees the attack and the network change', async () => {
    await page.goto(`${server.url}#/runs`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForURL(/#\/runs\/\d+$/);
    await expect
      .poll(() => page.getByRole('heading', { name: /^Milestones: / }).textContent())
      .toBe('Milestones: 12 of 12 reached');
    const scrubber = page.getByRole('slider', { name: 'Position in the event log' });
    const network = page.getByRole('img', { name: /^The alliance network/ });
    const current = page.locator('.chronicle li[aria-current="true"]');
    // Just before the attack (the decision to open fire), then one event on with the keyboard.
    await scrubber.fill('211');
    await expect.poll(() => page.locator('output.position').textContent()).toContain('event 211');
    const before = await network.getAttribute('aria-label');
    await scrubber.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => current.textContent())
      .toContain('opens fire on the conference room on Sobras: the conference was a trap');
    // The milestone of the trapped conference: the Kazon are now at war with the Trabe.
    await page
      .getByRole('listitem')
      .filter({ hasText: 'a Trabe ship attacks the room' })
      .getByRole('button')
      .click();
    await expect.poll(() => page.locator('output.position').textContent()).toContain('event 252');
    const after = await network.getAttribute('aria-label');
    expect(after).not.toBe(before);
    await page.getByText(/^Ties at this point/).click();
    await page
      .locator('.ties li')
      .filter({ hasText: /^war: .*the Trabe convoy/ })
      .first()
      .first()
      .waitFor({ state: 'visible' });
    // The chronicle moves the scrubber too.
    await current.locator('xpath=preceding-sibling::li[1]').getByRole('button').click();
    await expect.poll(() => scrubber.inputValue()).not.toBe('252');
    await page.keyboard.press('End');
    expect(await seriousViolations(page)).toEqual([]);
    const shots = join(projectRoot, '.tmp');
    mkdirSync(shots, { recursive: true });
    await scrubber.fill('252');
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'run-view.png') });
    if (process.env.ALLIANCES_UPDATE_SCREENSHOT)
      copyFileSync(join(shots, 'run-view.png'), join(projectRoot, 'docs', 'images', 'run-view.png'));
  });

  it("opens Janeway's decision and sees its terms, counsel and vetoes", async () => {
    const started = await server.post<{ job: { id: string } }>('/api/runs', {
      scenario: 'delta-quadrant',
      mode: 'autonomous',
      seed: 1,
    });
    const run = ((await finished(server, started.body.job.id)).result as { run: number }).run;
    await page.goto(`${server.url}#/runs/${run}`);
    await page.getByText(/^Decisions with options weighed/).click();
    await page
      .getByRole('link', { name: /Kathryn Janeway: seek an alliance/ })
      .first()
      .click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toMatch(/Kathryn Janeway .* decides on security/);
    await expect.poll(() => page.locator('.options li.chosen').textContent()).toMatch('vulnerability');
    await page.getByText('vetoed by principle:no-technology-transfer').first().waitFor({ state: 'visible' });
    await page.getByRole('heading', { name: 'Counsel' }).first().waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('figure.plot').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('forks a run and sees the diff', async () => {
    const runs = (await server.get<{ runs: { id: number; mode: string }[] }>('/api/runs')).body.runs;
    const parent = runs.find((r) => r.mode === 'autonomous')!.id;
    await page.goto(`${server.url}#/what-if/${parent}/17`);
    await page.getByLabel(/^Changes, one/).fill('factions.federation.principles.no-technology-transfer=null');
    await page.getByRole('button', { name: 'Fork' }).click();
    await page.waitForURL(/#\/diff\/\d+\/\d+$/);
    await page
      .getByText('They share their first 17 events and part at event 17:')
      .first()
      .waitFor({ state: 'visible' });
    await page
      .locator('table')
      .getByText('The Federation agrees to give technology away')
      .first()
      .waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('.side-by-side section').count()).toBe(2);
    // A bad edit is shown with its path, and nothing is stored.
    await page.goto(`${server.url}#/what-if/${parent}/17`);
    await page.getByLabel(/^Changes, one/).fill('factions.federation.principlez.x=1');
    await page.getByRole('button', { name: 'Fork' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch('set[0]');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch('did you mean "factions.federation.principles"');
  });

  it('plays a faction through three questions with the keyboard and the mouse, and verifies the run', async () => {
    await page.goto(`${server.url}#/play`);
    await page.getByLabel('Seed').fill('3');
    await page.getByRole('button', { name: 'Take the seat' }).click();
    await page.waitForURL(/#\/play\/[\w-]+$/);
    const title = page.locator('#question-title');
    await expect.poll(() => title.textContent()).toMatch('Question 1');
    // Vetoed options cannot be chosen.
    const vetoed = page.locator('.option.vetoed input');
    expect(await vetoed.count()).toBeGreaterThan(0);
    for (const input of await vetoed.all()) expect(await input.isDisabled()).toBe(true);
    // Question 1 by keyboard: the first option, then Enter.
    await page.locator('.option input:not([disabled])').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect.poll(() => title.textContent()).toMatch('Question 2');
    await page.getByRole('button', { name: 'Take the recommendation' }).click();
    await expect.poll(() => title.textContent()).toMatch('Question 3');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.option input:not([disabled])').last().check();
    await page.getByRole('button', { name: 'Decide' }).click();
    await expect.poll(() => page.locator('.meta').textContent()).toMatch('3 answers given');
    await page.getByRole('button', { name: 'Hand the faction back to its leader' }).click();
    await page
      .getByText(/is stored with your answers/)
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Run \d+ verified: [0-9a-f]{64}/);
  });

  it('runs a fidelity report with progress and draws its bars', async () => {
    await page.goto(`${server.url}#/fidelity`);
    await page.getByLabel('Seeds').fill('4');
    await page.getByRole('button', { name: 'Run the report' }).click();
    await page
      .getByRole('heading', { name: 'Fidelity of delta-quadrant: 4 runs per variant' })
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    await expect.poll(() => page.locator('progress').getAttribute('value')).toBe('100');
    await expect.poll(() => page.locator('figure.plot').count()).toBe(2);
    await page.locator('table').getByText('crippled-by-attack').first().waitFor({ state: 'visible' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the analytic models', async () => {
    await page.goto(`${server.url}#/analysis`);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page
      .getByText(/^Bloc \d: Voyager, Trabe$/)
      .first()
      .waitFor({ state: 'visible' });
    await page.getByLabel('Bargaining forecast').check();
    await page.getByRole('button', { name: 'Analyse' }).click();
    await expect.poll(() => page.locator('figure.plot').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
  });

  // A generated 200-faction world: its run and timeline take minutes on a loaded machine (measured, not timed).
  it('scrubs a 30-day autonomous run and a generated 200-faction world (measured)', async () => {
    const text = readFileSync(join(projectRoot, 'scenarios', 'delta-quadrant.yaml'), 'utf8').replace(
      /^duration: .*$/m,
      'duration: 30d',
    );
    const month = await server.post<{ job: { id: string } }>('/api/runs', {
      text,
      file: 'delta-quadrant-30d.yaml',
      mode: 'autonomous',
      seed: 1,
    });
    const monthRun = (await finished(server, month.body.job.id)).result as { run: number; events: number };
    await page.goto(`${server.url}#/runs/${monthRun.run}`);
    await page
      .getByRole('slider', { name: 'Position in the event log' })
      .first()
      .waitFor({ state: 'visible' });
    const n = monthRun.events;
    const positions = Array.from({ length: 120 }, (_, i) => Math.floor(((i * 7919) % 120) * (n / 120)));
    measured.month = { events: n, ...(await measureScrubbing(page, positions)) };

    const world = generateScenario({ factions: 200, days: 10 });
    const big = await server.post<{ job: { id: string } }>('/api/runs', {
      text: world.text,
      file: 'generated-200.yaml',
      mode: 'autonomous',
      seed: 1,
    });
    const bigRun = (await finished(server, big.body.job.id)).result as { run: number; events: number };
    const opened = Date.now();
    await page.goto(`${server.url}#/runs/${bigRun.run}`);
    // Only the hash changes, so the previous run's slider stays until the new run is drawn: wait for its heading.
    await page
      .getByRole('heading', { level: 1, name: new RegExp(`^Run ${bigRun.run}:`) })
      .waitFor({ state: 'visible', timeout: 300_000 });
    await page
      .getByRole('slider', { name: 'Position in the event log' })
      .first()
      .waitFor({ state: 'visible', timeout: 300_000 });
    const openMs = Date.now() - opened;
    const m = bigRun.events;
    const bigPositions = Array.from({ length: 40 }, (_, i) => Math.floor(((i * 7919) % 40) * (m / 40)));
    measured.world200 = { events: m, openMs, ...(await measureScrubbing(page, bigPositions)) };
    // Still interactive: the chronicle answers a click.
    await page.locator('.chronicle li button').first().click();
    await expect.poll(() => page.locator('.chronicle li[aria-current="true"]').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 600_000);
});
