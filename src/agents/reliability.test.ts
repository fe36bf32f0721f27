import { describe, expect, it } from 'vitest';
import type { WorldEvent, WorldEventOf } from '../events/index.js';
import { id } from '../model/ids.js';
import { type Provision, provisionSchema } from '../model/provision.js';
import { minutes } from '../model/time.js';
import type { Agreement } from '../model/world.js';
import { callRecords, conditionsOf, powerChange, reliabilityOf } from './reliability.js';

const [a, b, c] = [id.faction('a'), id.faction('b'), id.faction('c')];

function agreement(key: string, provisions: unknown[], secret = false): Agreement {
  return {
    id: id.agreement(key),
    name: null,
    parties: [a, b],
    provisions: provisions.map((p): Provision => provisionSchema.parse(p)),
    signed: minutes(-1000),
    power: {},
    secret,
    leader: null,
    expires: null,
    delivered: {},
    status: 'active',
    history: [{ t: minutes(-1000), status: 'active', by: null, reason: 'in force' }],
    negotiation: null,
  };
}

const agreements = {
  plain: agreement('plain', [{ kind: 'defence' }, { kind: 'consultation', support: 'diplomatic' }]),
  hedged: agreement(
    'hedged',
    [{ kind: 'defence', against: ['c'], where: ['here'], unlessProvoked: true }],
    true,
  ),
};

let seq = 0;
function issued(
  call: string,
  agreementKey: keyof typeof agreements,
  provision: number,
  power: [number, number],
  conditionsMet = true,
): WorldEventOf<'call-issued'> {
  return {
    type: 'call-issued',
    seq: seq++,
    t: minutes(seq * 60),
    call: id.call(call),
    agreement: id.agreement(agreementKey),
    provision,
    obligation: provision === 1 ? 'consultation' : 'defence',
    support: 'active',
    from: a,
    to: b,
    war: id.war('w'),
    against: [c],
    conditionsMet,
    failing: conditionsMet ? null : 'the treaty names other adversaries',
    powerAtSigning: power[0],
    powerNow: power[1],
  };
}

function answered(
  call: string,
  answer: WorldEventOf<'call-answered'>['answer'],
): WorldEventOf<'call-answered'> {
  return {
    type: 'call-answered',
    seq: seq++,
    t: minutes(seq * 60),
    call: id.call(call),
    by: b,
    speaker: null,
    answer,
    invoked: null,
    reasons: [],
  };
}

describe('counting calls and answers', () => {
  it('reads power change since signing with a ±10 % band', () => {
    expect(powerChange(10, 11)).toBe('steady');
    expect(powerChange(10, 9)).toBe('steady');
    expect(powerChange(10, 11.5)).toBe('rose');
    expect(powerChange(10, 8.5)).toBe('fell');
    expect(powerChange(0, 0)).toBe('steady');
    expect(powerChange(0, 3)).toBe('rose');
  });

  it('names an obligation by its conditions', () => {
    expect(conditionsOf(agreements.plain, 0)).toEqual(['unconditional']);
    expect(conditionsOf(agreements.plain, 1)).toEqual(['diplomatic-only']);
    expect(conditionsOf(agreements.hedged, 0)).toEqual([
      'against-named',
      'where',
      'unless-provoked',
      'secret',
    ]);
    const league = agreement('league', [
      { kind: 'defence', against: { membersOf: 'rivals' }, support: 'aid' },
    ]);
    expect(conditionsOf(league, 0)).toEqual(['against-league', 'aid-only']);
    expect(conditionsOf(agreement('s', [{ kind: 'defence', secret: true }]), 0)).toEqual([
      'unconditional',
      'secret',
    ]);
  });

  it('counts calls whose conditions were met, lapsed as reneged, open apart, by power change and condition', () => {
    const log: WorldEvent[] = [
      issued('c1', 'plain', 0, [10, 10]),
      issued('c2', 'plain', 0, [10, 20]),
      issued('c3', 'hedged', 0, [10, 5]),
      issued('c4', 'plain', 1, [10, 10]),
      issued('beyond', 'plain', 0, [10, 10], false),
      issued('c5', 'hedged', 0, [10, 10]),
      answered('c1', 'honoured'),
      answered('c2', 'lapsed'),
      answered('c3', 'reneged'),
      answered('c4', 'partly'),
      answered('beyond', 'reneged'),
    ];
    const records = callRecords(log, agreements);
    expect(records.map((r) => [r.call, r.answer])).toEqual([
      ['c1', 'honoured'],
      ['c2', 'lapsed'],
      ['c3', 'reneged'],
      ['c4', 'partly'],
      ['c5', 'open'],
    ]);
    const r = reliabilityOf(records);
    expect(r).toEqual({
      calls: 4,
      honoured: 1,
      partly: 1,
      reneged: 2,
      share: 0.25,
      byPowerChange: {
        rose: { calls: 1, share: 0 },
        steady: { calls: 2, share: 0.5 },
        fell: { calls: 1, share: 0 },
      },
      byCondition: {
        consultation: { calls: 1, share: 0 },
        defence: { calls: 3, share: 1 / 3 },
        unconditional: { calls: 2, share: 0.5 },
        'against-named': { calls: 1, share: 0 },
        where: { calls: 1, share: 0 },
        'unless-provoked': { calls: 1, share: 0 },
        'diplomatic-only': { calls: 1, share: 0 },
        secret: { calls: 1, share: 0 },
      },
      unanswered: 1,
    });
  });

  it('has no share where there is no call', () => {
    const r = reliabilityOf([]);
    expect(r.calls).toBe(0);
    expect(r.share).toBeNull();
    expect(r.byPowerChange.rose).toEqual({ calls: 0, share: null });
    expect(r.byCondition).toEqual({});
  });
});
