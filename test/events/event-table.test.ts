import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/agents/run.js';
import { defaultScenario } from '../support.js';
import { buildWorld } from '../../src/engine/initial-world.js';
import {
  apply,
  consequencesOf,
  EVENT_TYPES,
  eventInputSchema,
  eventPayloadSchemas,
  type EventType,
  namesOf,
  observersOf,
  renderEvent,
  type WorldEvent,
} from '../../src/events/index.js';
import type { FactionId } from '../../src/model/ids.js';
import { hours, type Minutes } from '../../src/model/time.js';
import type { World } from '../../src/model/world.js';
import { generateScenario } from '../../src/scenario/generate.js';
import type { Scenario } from '../../src/scenario/loader.js';

/** Event types every faction observes: the frame of the run, deeds' marks, edits of the world. */
const PUBLIC: readonly EventType[] = [
  // Wars, and what becomes of public treaties, are known to all.
  'call-answered',
  'ceasefire-agreed',
  'mark-earned',
  'neutrality-declared',
  'obligation-broken',
  'peace-made',
  // A faction-wide alert (a mobilisation) is seen by everyone; other precautions are private.
  'precaution-taken',
  'run-ended',
  'run-started',
  'war-declared',
  'war-ended',
  'war-joined',
  'world-edited',
];

/** Folds a run's log event by event, handing each event with the world just after it. */
function eachWithWorld(
  scenario: Scenario,
  events: readonly WorldEvent[],
  visit: (e: WorldEvent, w: World) => void,
) {
  let world = buildWorld(scenario.spec);
  for (const e of events) {
    world = apply(world, e);
    visit(e, world);
  }
}

function runs(): { scenario: Scenario; events: readonly WorldEvent[] }[] {
  const dq = defaultScenario();
  const generated = generateScenario({ factions: 30, days: 20, seed: 2 });
  return [
    { scenario: dq, events: runScenario(dq, { seed: 1, mode: 'scripted' }).events },
    { scenario: dq, events: runScenario(dq, { seed: 2, mode: 'autonomous' }).events },
    { scenario: dq, events: runScenario(dq, { seed: 5, mode: 'mixed', scriptUntil: hours(30) }).events },
    { scenario: generated, events: runScenario(generated, { seed: 1, mode: 'autonomous' }).events },
  ];
}

describe('the table of event types', () => {
  it('has one strict payload schema per type, tagged with its type', () => {
    expect(EVENT_TYPES.length).toBeGreaterThan(40);
    expect([...EVENT_TYPES]).toEqual([...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES) {
      const schema = eventPayloadSchemas[type];
      expect(schema.shape.type.value).toBe(type);
      // Strict: an unknown field is refused, so a misspelt field in a script is an error.
      const fields = Object.keys(schema.shape).filter((k) => k !== 'type');
      expect(eventInputSchema.safeParse({ type, misspelt: 1 }).success, type).toBe(false);
      expect(fields.length, type).toBeGreaterThan(0);
    }
  });

  it('every event of real runs is observed by known factions only, told, and followed by valid events', () => {
    const seen = new Set<EventType>();
    for (const { scenario, events } of runs()) {
      const names = namesOf(buildWorld(scenario.spec));
      eachWithWorld(scenario, events, (e, world) => {
        seen.add(e.type);
        const observers = observersOf(world, e);
        if (observers === 'all') expect(PUBLIC, e.type).toContain(e.type);
        else for (const f of observers) expect(world.factions[f], `${e.type} #${e.seq}: ${f}`).toBeDefined();
        const text = renderEvent(e, names);
        expect(text === null || text.length > 0).toBe(true);
        for (const follow of consequencesOf(world, e))
          expect(eventInputSchema.safeParse(follow).success).toBe(true);
      });
    }
    // The runs cover nearly every type, so the checks above are not vacuous.
    expect(seen.size).toBeGreaterThan(35);
  });

  it('keeps secrets: a hidden plan is observed by its faction alone, a covert channel by its two ends', () => {
    const world = buildWorld(defaultScenario().spec);
    const factions = Object.keys(world.factions).sort() as FactionId[];
    const a = factions[0] as FactionId;
    const spy = Object.values(world.persons).find((p) => p.loyalty !== p.faction);
    if (!spy) throw new Error('the built-in scenario has a spy');
    const stamp = { seq: 0, t: 0 as Minutes };
    const plan = eventInputSchema.parse({
      type: 'intent-planned',
      intent: 'x',
      faction: a,
      kind: 'ambush',
      text: 't',
    });
    expect(observersOf(world, { ...plan, ...stamp } as WorldEvent)).toEqual([a]);
    // A spy's channel: known to the faction it leads to and the spy's true masters, not to the
    // faction the spy openly serves.
    const covert = eventInputSchema.parse({
      type: 'channel-opened',
      channel: 'c',
      kind: 'covert',
      from: spy.faction,
      to: factions.find((f) => f !== spy.faction && f !== spy.loyalty),
      agent: spy.id,
      secret: true,
    });
    const observers = observersOf(world, { ...covert, ...stamp } as WorldEvent);
    expect(observers).toContain(spy.loyalty);
    expect(observers).not.toContain(spy.faction);
  });

  it('applies every event without throwing, also to a world where what it names does not exist', () => {
    const dq = defaultScenario();
    const empty: World = { ...buildWorld(dq.spec), factions: {}, persons: {}, ships: {}, relations: {} };
    const { events } = runScenario(dq, { seed: 3, mode: 'autonomous' });
    let world = empty;
    for (const e of events) world = apply(world, e);
    expect(Object.keys(world.persons)).toEqual([]);
    expect(world.time).toBe(events.at(-1)?.t);
  });
});
