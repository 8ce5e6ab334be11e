import { readFileSync } from 'node:fs';

/** CPU time counters, in clock ticks (USER_HZ, 100 a second on Linux). */
interface CpuTicks {
  /** Busy ticks of the whole machine, every core. */
  readonly machine: number;
  /** Busy ticks of the processes watched (all their threads). */
  readonly watched: number;
}

const ticksPerSecond = 100;

/**
 * How much CPU processes other than ours used while a latency was measured. On a shared 2-core
 * machine another process's build or benchmark leaves the server runnable but waiting for a core
 * (measured: 30–290 ms at a time), which no code change can fix; the figure then says little
 * about the server. Linux only (`/proc`); elsewhere `stop` returns undefined.
 */
export function watchMachineShare(pids: readonly number[]): {
  /** Others' CPU since the watch started, in cores (1 = one core kept busy). */
  stop(): number | undefined;
} {
  const started = performance.now();
  const before = readTicks(pids);
  return {
    stop() {
      const after = readTicks(pids);
      if (before === undefined || after === undefined) {
        return undefined;
      }
      const seconds = (performance.now() - started) / 1000;
      const othersTicks = after.machine - before.machine - (after.watched - before.watched);
      return Math.max(0, othersTicks / ticksPerSecond / seconds);
    },
  };
}

function readTicks(pids: readonly number[]): CpuTicks | undefined {
  try {
    // "cpu  user nice system idle iowait irq softirq steal …": busy = all but idle and iowait.
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1, 9)
      .map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    const machine = total - (fields[3] ?? 0) - (fields[4] ?? 0);
    let watched = 0;
    for (const pid of pids) {
      // Fields after the command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      watched += Number(after[11]) + Number(after[12]);
    }
    return { machine, watched };
  } catch {
    return undefined;
  }
}
