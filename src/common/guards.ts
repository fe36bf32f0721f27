/** Type guards for values read from untyped input (parsed YAML or JSON, stored options). */

/** A plain object (not null, not an array), whose fields are yet to be checked. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
