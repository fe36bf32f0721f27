/** The machine line printed with every analysis benchmark: CPU, cores, load (the machine is shared). */
import { cpus, loadavg } from 'node:os';
import { at } from '../../src/common/checked.js';

export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  return `${cpu}, ${cpus().length} cores, Node ${process.version}, load average ${load}`;
}

export function loadLine(): string {
  return `load average now ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;
}

/** The median; NaN for no values (a table without reference times prints NaN rather than failing). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? at(s, m) : (at(s, m - 1) + at(s, m)) / 2;
}
