/** The machine line printed with every analysis benchmark: CPU, cores, load (the machine is shared). */
import { cpus, loadavg } from 'node:os';

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

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}
