/**
 * A run's identity: the SHA-256 of its canonical event log — each event as canonical JSON (keys
 * sorted), followed by a newline. Computed incrementally as events are recorded, and recomputed the
 * same way from stored events by `verify`.
 */
import { createHash, type Hash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';
import type { WorldEvent } from '../model/events.js';

export class LogHasher {
  private readonly hash: Hash = createHash('sha256');
  add(event: WorldEvent): void {
    this.hash.update(`${canonicalJson(event)}\n`, 'utf8');
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

export function logHash(events: readonly WorldEvent[]): string {
  const h = new LogHasher();
  for (const e of events) h.add(e);
  return h.digest();
}
