/**
 * Engine constants that a scenario may set, gathered from the scenario file with defaults.
 */
import type { Minutes } from '../model/time.js';
import type { ScenarioSpec } from '../scenario/schema.js';

export interface EngineSettings {
  readonly tick: Minutes;
  readonly duration: Minutes;
  readonly principleGrace: Minutes;
  readonly repairEvery: Minutes;
  readonly repairRatePerHour: number;
  /** A component below this integrity does not work (a drive cannot propel, a transfer cannot reach). */
  readonly operationalIntegrity: number;
  /** A conference not broken up adjourns after this long. */
  readonly conferenceLength: Minutes;
  /** A call to honour a treaty unanswered this long lapses (counted as reneged). */
  readonly callAnswerTime: Minutes;
  /** Undeclared hostilities that no one joined end this long after they began. */
  readonly hostilitiesLapse: Minutes;
}

export function settingsOf(spec: ScenarioSpec): EngineSettings {
  return {
    tick: spec.tick,
    duration: spec.duration,
    principleGrace: spec.principleGrace,
    repairEvery: spec.repair.every,
    repairRatePerHour: spec.repair.ratePerHour,
    operationalIntegrity: 0.3,
    conferenceLength: spec.conferenceLength,
    callAnswerTime: spec.callAnswerTime,
    hostilitiesLapse: spec.hostilitiesLapse,
  };
}
