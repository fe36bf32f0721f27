import { describe, expect, it } from 'vitest';
import { parseEuSettings, parseSmpSettings } from './forecast.js';

describe('forecast settings', () => {
  it('reads expected-utility settings: words from their list, numbers in their range', () => {
    expect(parseEuSettings(['probability=net', 'q=0.9', 'maxRounds=50'])).toEqual({
      probability: 'net',
      q: 0.9,
      maxRounds: 50,
    });
    expect(() => parseEuSettings(['outcome=mode'])).toThrow('unknown outcome "mode" (valid: median, mean)');
    expect(() => parseEuSettings(['maxRounds=2.5'])).toThrow('maxRounds must be a number in [1, 100000]');
  });

  it('reads SMP settings by their KTAB names', () => {
    expect(parseSmpSettings(['VotingRule=Binary', 'seed=42', 'minDeltaRatio=0.5'])).toEqual({
      votingRule: 'Binary',
      seed: 42n,
      minDeltaRatio: 0.5,
    });
  });

  it("takes a name of Object's prototype for an unknown setting, not for one of its own", () => {
    expect(() => parseEuSettings(['toString=1'])).toThrow('unknown expected-utility setting "toString"');
    expect(() => parseSmpSettings(['constructor=1'])).toThrow('unknown SMP parameter "constructor"');
  });
});
