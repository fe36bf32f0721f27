/**
 * The second built-in scenario, the July Crisis of 1914: its scripted replay tells the whole story
 * through the generic mechanisms — an ultimatum is a demand put first, a right of passage demanded
 * of a neutral is refused on principle, a defensive alliance's call is refused without breaking the
 * treaty, a guarantee's call brings its guarantor into the war — and its variants change the world
 * the leaders see.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/agents/run.js';
import { worldViolations } from '../../src/model/invariants.js';
import { builtinScenarioDir, builtinScenarioNames } from '../../src/runner/builtin-scenarios.js';
import { loadScenario } from '../../src/scenario/loader.js';

const text = readFileSync(join(builtinScenarioDir(), 'july-1914.yaml'), 'utf8');
const load = (variant?: string) => loadScenario(text, 'scenarios/july-1914.yaml', variant ? { variant } : {});

describe('the july-1914 scenario, scripted', () => {
  const result = runScenario(load(), { seed: 1 });
  const story = result.milestones.filter((m) => !m.outcome);
  const of = (type: string) => result.events.filter((e) => e.type === type) as Record<string, unknown>[];

  it('is a built-in scenario', () => {
    expect(builtinScenarioNames()).toContain('july-1914');
  });

  it('reaches all ten milestones of the crisis, each where history puts it', () => {
    expect(story.map((m) => m.id)).toEqual([
      'sarajevo',
      'blank-cheque',
      'ultimatum-to-serbia',
      'serbian-reply',
      'war-on-serbia',
      'russian-mobilisation',
      'germany-declares-war',
      'passage-refused',
      'italian-neutrality',
      'britain-enters',
    ]);
    for (const m of story) expect(m, m.id).toMatchObject({ reached: true });
    // In the order of the list, but for the declaration of war on France (3 August, 18:45), which
    // completes milestone 7 after Belgium's reply (07:00) and Italy's neutrality.
    const seq = Object.fromEntries(story.map((m) => [m.id, m.seq!]));
    const ordered = story.map((m) => m.id).filter((id) => id !== 'germany-declares-war');
    expect(ordered.map((id) => seq[id])).toEqual(ordered.map((id) => seq[id]).sort((a, b) => a! - b!));
    expect(seq['germany-declares-war']).toBeGreaterThan(seq['russian-mobilisation']!);
    expect(seq['germany-declares-war']).toBeLessThan(seq['britain-enters']!);
  });

  it('puts the ultimatum as a demand of undertakings given by Serbia', () => {
    const note = of('offer-made').find((e) => e.by === 'austria-hungary')!;
    expect(note.kind).toBe('demand');
    const terms = note.provisions as { kind: string; giver?: string; receiver?: string }[];
    expect(terms).toHaveLength(6);
    for (const p of terms)
      expect(p).toMatchObject({ kind: 'undertaking', giver: 'serbia', receiver: 'austria-hungary' });
  });

  it("refuses passage on Belgium's principle, and Germany's invasion breaks its guarantee", () => {
    expect(of('offer-rejected').find((e) => e.by === 'belgium')).toMatchObject({ principle: 'no-passage' });
    expect(of('obligation-broken')).toEqual([
      expect.objectContaining({ by: 'germany', to: 'belgium', obligation: 'non-aggression' }),
    ]);
  });

  it('has Italy refuse a call its defensive treaty does not oblige it to, without breaking it', () => {
    const call = of('call-issued').find((e) => e.to === 'italy')!;
    expect(call).toMatchObject({ from: 'germany', conditionsMet: false });
    expect(call.failing).toBe('the alliance is defensive, and its partner is not the one attacked');
    expect(of('call-answered').find((e) => e.call === call.call)).toMatchObject({ answer: 'reneged' });
    expect(of('mark-earned').filter((e) => e.faction === 'italy')).toEqual([]);
  });

  it('answers the calls the engine issued by their treaty: none lapses', () => {
    const answers = of('call-answered');
    expect(answers.filter((e) => e.answer === 'lapsed')).toEqual([]);
    expect(answers.filter((e) => e.by === 'britain').map((e) => e.answer)).toEqual(['honoured', 'honoured']);
    expect(of('war-joined').map((e) => e.faction)).toEqual(['france', 'russia', 'france', 'britain']);
  });

  it('breaks no principle, refuses no intent, and ends sound', () => {
    expect(of('principle-violated')).toEqual([]);
    expect(of('intent-rejected')).toEqual([]);
    expect(worldViolations(result.world)).toEqual([]);
  });
});

describe('the july-1914 variants', () => {
  it('no-blank-cheque removes the assurance from the script', () => {
    const run = runScenario(load('no-blank-cheque'), { seed: 1 });
    expect(run.milestones.find((m) => m.id === 'blank-cheque')).toMatchObject({ reached: false });
    expect(run.world.agreements['blank-cheque' as never]).toBeUndefined();
  });

  it('belgium-spared removes the war plan, the demand of passage and the invasion', () => {
    const scenario = load('belgium-spared');
    expect(scenario.spec.intents).toEqual([]);
    const run = runScenario(scenario, { seed: 1 });
    expect(run.milestones.find((m) => m.id === 'belgium-invaded')).toMatchObject({ reached: false });
    expect(run.milestones.find((m) => m.id === 'britain-enters')).toMatchObject({ reached: false });
  });

  it('italy-offensive-treaty makes the declaration of war on Russia a call to Italy the treaty obliges', () => {
    const run = runScenario(load('italy-offensive-treaty'), { seed: 1 });
    const calls = run.events.filter((e) => e.type === 'call-issued' && e.to === 'italy');
    expect(calls[0]).toMatchObject({ from: 'germany', obligation: 'offence', conditionsMet: true });
  });
});
