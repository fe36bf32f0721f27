/**
 * A run's identity: the SHA-256 of its canonical event log — each event as canonical JSON (keys
 * sorted), followed by a newline. Computed incrementally as events are recorded, and recomputed the
 * same way from stored events by `verify`.
 */
import { canonicalJson } from '../common/canonical-json.js';
import { createSha256 } from '../common/sha256.js';
import type { WorldEvent } from '../events/index.js';

export class LogHasher {
  private readonly hash = createSha256();
  // Lines are handed to the hash in batches (one call per ~64 kB rather than per event);
  // the digest of the concatenation is the digest of the sequence.
  private pending = '';
  add(event: WorldEvent): void {
    this.pending += `${canonicalJson(event)}\n`;
    if (this.pending.length >= 65_536) this.flush();
  }
  digest(): string {
    this.flush();
    return this.hash.hex();
  }
  private flush(): void {
    if (this.pending.length === 0) return;
    this.hash.update(this.pending);
    this.pending = '';
  }
}

export function logHash(events: readonly WorldEvent[]): string {
  const h = new LogHasher();
  for (const e of events) h.add(e);
  return h.digest();
}
