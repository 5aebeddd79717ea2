import { readFileSync } from 'node:fs';

/**
 * The event-loop delay of a benched server process (issue 22), to tell a server whose main thread
 * is late from clients that are. {@link loopDelayArgs} are Node options that load a probe into the
 * server (`--import` of a data: URL, so pouchdb-server needs no loader); every second the probe
 * appends that second's delay (p50, p99, max in ms, perf_hooks.monitorEventLoopDelay) as a JSON line
 * to a file. Lines per second, not one figure at exit: pouchdb-server is ended by a signal it does
 * not handle.
 */
const probe = `
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
const file = process.env.LOOP_DELAY_FILE;
if (file) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  setInterval(() => {
    appendFileSync(file, JSON.stringify({ t: Date.now(), p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) }) + '\\n');
    h.reset();
  }, 1000).unref();
}`;

/** Node options loading the probe; the process also needs `LOOP_DELAY_FILE` in its environment. */
export const loopDelayArgs = ['--import', `data:text/javascript,${encodeURIComponent(probe)}`];

/** One second of a process's event-loop delay, in ms. */
export interface LoopDelaySecond {
  t: number;
  p50: number;
  p99: number;
  max: number;
}

/** The seconds the probe wrote to `file` between `from` and `to` (epoch ms). */
export function readLoopDelay(file: string, from: number, to: number): LoopDelaySecond[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LoopDelaySecond)
    .filter((s) => s.t > from && s.t <= to + 1000);
}
