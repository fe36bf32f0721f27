/**
 * The shapes of the JSON API's answers, shared by the server and the browser app (types only: no
 * imports, so the app can import them without the server's code).
 */

export interface ApiProblem {
  readonly code: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
}

/** Every error answer: a message, and for bad input each located problem. Never a stack. */
export interface ApiError {
  readonly error: string;
  readonly message: string;
  readonly problems?: readonly ApiProblem[];
}

export interface ScenarioInfo {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly factions: readonly { readonly id: string; readonly name: string }[];
  readonly variants: readonly { readonly id: string; readonly title: string }[];
  readonly duration: string;
  readonly ticks: number;
}

export interface RunRow {
  readonly id: number;
  readonly scenario: string;
  readonly seed: number;
  readonly mode: string;
  readonly status: string;
  readonly hash: string | null;
  readonly events: number;
  readonly parent: number | null;
  readonly createdAt: string;
  readonly about: readonly string[];
}

export interface JobView {
  readonly id: string;
  readonly kind: string;
  readonly status: 'queued' | 'running' | 'done' | 'failed';
  readonly done: number;
  readonly total: number;
  readonly result: unknown;
  readonly error: ApiError | null;
}

export interface ChronicleLine {
  readonly seq: number;
  readonly t: number;
  readonly time: string;
  readonly text: string;
  /** The decision the line tells the effect of. */
  readonly decision: number | null;
  /** The events the line stands for are of these types (the told event's first). */
  readonly type: string;
}

export interface MilestoneView {
  readonly id: string;
  readonly title: string;
  readonly outcome: boolean;
  readonly reached: boolean;
  readonly seq: number | null;
}

export interface ElementView {
  readonly kind: string;
  readonly label: string;
  readonly source?: string;
  readonly target?: string;
  readonly [field: string]: unknown;
}

export interface TimelineView {
  readonly initial: {
    readonly network: Record<string, ElementView>;
    readonly map: Record<string, ElementView>;
  };
  readonly steps: readonly {
    readonly seq: number;
    readonly network?: Record<string, ElementView | null>;
    readonly map?: Record<string, ElementView | null>;
  }[];
}

export interface RunView {
  readonly run: RunRow & { readonly scenarioTitle: string; readonly factions: ScenarioInfo['factions'] };
  /** Time of each event, by seq (for the scrubber). */
  readonly times: readonly number[];
  readonly chronicle: readonly ChronicleLine[];
  readonly milestones: readonly MilestoneView[];
  readonly decisions: readonly { readonly seq: number; readonly time: string; readonly text: string }[];
  readonly talks: readonly {
    readonly negotiation: string;
    readonly parties: readonly string[];
    readonly opened: number;
  }[];
  readonly summary: readonly string[];
}

export interface TermView {
  readonly name: string;
  readonly value: number;
  readonly note?: string;
}

export interface DecisionView {
  readonly run: number;
  readonly seq: number;
  readonly time: string;
  readonly type: string;
  /** The event told as the chronicle tells it (null for bookkeeping). */
  readonly text: string | null;
  readonly decision: {
    readonly actor: string;
    readonly faction: string;
    readonly question: string | null;
    readonly summary: string;
    readonly reasons: readonly string[];
    readonly choice: string | null;
    readonly options: readonly {
      readonly option: string;
      readonly score: number;
      readonly terms: readonly TermView[];
      readonly vetoedBy: string | null;
      readonly chosen: boolean;
    }[];
    readonly counsel: readonly {
      readonly advisor: string;
      readonly position: string;
      readonly option: string | null;
      readonly reasons: readonly string[];
    }[];
  } | null;
  readonly rejection: { readonly actor: string; readonly rule: string; readonly message: string } | null;
  readonly causedBy: { readonly seq: number; readonly text: string } | null;
  readonly effects: readonly { readonly seq: number; readonly text: string }[];
}

export interface TalksView {
  readonly run: number;
  readonly negotiation: string;
  readonly parties: readonly { readonly id: string; readonly name: string }[];
  readonly status: string;
  readonly issues: readonly string[];
  readonly reservations: readonly number[];
  readonly transcript: readonly ChronicleLine[];
  readonly offers: readonly {
    readonly utilities: readonly number[];
    readonly terms: readonly string[];
    readonly by: string;
    readonly speaker: string;
    readonly kind: string;
    readonly time: string;
  }[];
  readonly pareto: readonly { readonly utilities: readonly number[]; readonly terms: readonly string[] }[];
  readonly nash: { readonly utilities: readonly number[]; readonly terms: readonly string[] } | null;
}

export interface DiffView {
  readonly a: number;
  readonly b: number;
  readonly commonPrefix: number;
  readonly divergence: {
    readonly seq: number;
    readonly a: string | null;
    readonly b: string | null;
  } | null;
  readonly milestones: readonly {
    readonly id: string;
    readonly title: string;
    readonly outcome: boolean;
    readonly a: { readonly reached: boolean; readonly seq: number | null } | null;
    readonly b: { readonly reached: boolean; readonly seq: number | null } | null;
    readonly differs: boolean;
  }[];
  readonly agreements: { readonly onlyA: readonly string[]; readonly onlyB: readonly string[] };
  readonly wars: { readonly onlyA: readonly string[]; readonly onlyB: readonly string[] };
  readonly dead: { readonly onlyA: readonly string[]; readonly onlyB: readonly string[] };
  readonly events: { readonly a: number; readonly b: number };
  /** Each chronicle from a little before the runs part. */
  readonly chronicles: { readonly a: readonly ChronicleLine[]; readonly b: readonly ChronicleLine[] };
}

export interface QuestionView {
  /** 1 for the first question put to the player. */
  readonly number: number;
  readonly t: number;
  readonly time: string;
  readonly faction: string;
  readonly factionName: string;
  readonly decider: string;
  readonly question: string;
  readonly topic: string;
  readonly pick: number;
  readonly recommended: readonly string[];
  /** What the faction saw since the last question. */
  readonly news: readonly { readonly seq: number; readonly time: string; readonly text: string }[];
  readonly counsel: readonly {
    readonly advisor: string;
    readonly position: string;
    readonly option: string | null;
    readonly reasons: readonly string[];
  }[];
  readonly options: readonly {
    readonly option: string;
    readonly label: string;
    readonly score: number;
    readonly terms: readonly TermView[];
    readonly vetoedBy: string | null;
    readonly exclusive: readonly string[];
  }[];
}

export interface PlayView {
  readonly id: string;
  readonly faction: string;
  readonly answers: number;
  /** The question waiting for an answer; null once the run is being recorded or is recorded. */
  readonly question: QuestionView | null;
  /** The job recording the run, once the seat is given up or no question is left. */
  readonly job: string | null;
}

export interface FidelityView {
  readonly scenario: string;
  readonly reports: readonly {
    readonly variant: string | null;
    readonly seeds: number;
    readonly milestones: readonly {
      readonly id: string;
      readonly title: string;
      readonly outcome: boolean;
      readonly share: number;
    }[];
    readonly reachedPerRun: {
      readonly of: number;
      readonly median: number;
      readonly distribution: readonly number[];
    };
    readonly principleViolations: number;
  }[];
}
