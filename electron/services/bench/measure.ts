/** Timing helpers for the benchmark: wall-clock samples in milliseconds and their percentiles. */

export interface Percentiles {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Nearest-rank percentile of the samples (0 < p ≤ 100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('No samples to take a percentile of.');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  return {
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    p99Ms: round(percentile(samples, 99)),
  };
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs `work(i)` for the warm-up, then `runs` timed times; returns the timed samples. */
export async function sample(
  warmUp: number,
  runs: number,
  work: (i: number) => unknown,
): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await work(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = nowMs();
    await work(warmUp + i);
    out.push(nowMs() - start);
  }
  return out;
}
