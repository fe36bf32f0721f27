/**
 * Acceptance conditions, the "A" of the BOA architecture (Baarslag, Hindriks, Hendrikx, Dirkzwager &
 * Jonker 2014, "Decoupling negotiating agents to explore the space of negotiation strategies";
 * Baarslag, Hindriks & Jonker 2014, "Effective acceptance conditions in real-time automated
 * negotiation"):
 *
 * - AC_next(α, β): accept when α·u(offer) + β ≥ u(the offer I would make now). Default α=1, β=0.
 * - AC_const(c): accept when u(offer) ≥ c.
 * - AC_time(T): accept when the relative time has reached T.
 * - A list is their disjunction (AC_combi): accept when any condition holds.
 *
 * Whatever the condition, an offer worth less than the reservation value is never accepted (no
 * agreement is then better), and red lines are enforced before any condition is consulted.
 */
export type AcceptanceSpec =
  | 'next'
  | { readonly next: { readonly a?: number; readonly b?: number } }
  | { readonly const: number }
  | { readonly time: number }
  | readonly AcceptanceSpec[];

export interface AcceptanceInput {
  /** The responder's utility of the offer. */
  readonly offerUtility: number;
  /** The utility of the offer the responder would make now, or null when it would walk away. */
  readonly nextUtility: () => number | null;
  readonly relativeTime: number;
  readonly reservation: number;
}

export type AcceptanceCondition = (input: AcceptanceInput) => boolean;

export function acceptNext(a = 1, b = 0): AcceptanceCondition {
  return (x) => {
    const next = x.nextUtility();
    return next === null || a * x.offerUtility + b >= next;
  };
}

export function acceptConst(threshold: number): AcceptanceCondition {
  return (x) => x.offerUtility >= threshold;
}

export function acceptTime(after: number): AcceptanceCondition {
  return (x) => x.relativeTime >= after;
}

export function acceptAny(conditions: readonly AcceptanceCondition[]): AcceptanceCondition {
  return (x) => conditions.some((c) => c(x));
}

/** The condition a spec describes, guarded by the reservation value. */
export function createAcceptance(spec: AcceptanceSpec): AcceptanceCondition {
  const raw = build(spec);
  return (x) => x.offerUtility >= x.reservation && raw(x);
}

// Array.isArray does not narrow a readonly array type away; this guard does.
const isList = (spec: AcceptanceSpec): spec is readonly AcceptanceSpec[] => Array.isArray(spec);

function build(spec: AcceptanceSpec): AcceptanceCondition {
  if (spec === 'next') return acceptNext();
  if (isList(spec)) return acceptAny(spec.map(build));
  if ('next' in spec) return acceptNext(spec.next.a ?? 1, spec.next.b ?? 0);
  if ('const' in spec) return acceptConst(spec.const);
  return acceptTime(spec.time);
}

/** `AC_next`, `AC_const(0.8)`, `AC_time(0.9)`, `AC_next ∨ AC_time(0.95)` — for reports. */
export function describeAcceptance(spec: AcceptanceSpec): string {
  if (spec === 'next') return 'AC_next';
  if (isList(spec)) return spec.map(describeAcceptance).join(' ∨ ');
  if ('next' in spec) return `AC_next(${spec.next.a ?? 1}, ${spec.next.b ?? 0})`;
  if ('const' in spec) return `AC_const(${spec.const})`;
  return `AC_time(${spec.time})`;
}
