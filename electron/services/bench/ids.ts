/**
 * Deterministic, time-sortable ids for the benchmark's seeded rows: shaped like the app's UUIDv7
 * ids (a 48-bit time-like prefix that only grows, version 7, the RFC variant) but computed from a
 * counter, so the same seed gives the same ids on every run and any id can be recomputed from its
 * number without keeping millions of strings in memory.
 */

/** 2025-11-01T00:00:00Z in milliseconds: the prefix starts there and grows by one per id. */
const base = 0x019a3d6b4c00;

/** A 32-bit mix of the counter (murmur3's finaliser) for the id's "random" tail. */
function mix(n: number, salt: number): number {
  let h = (n ^ salt) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

export function benchId(n: number): string {
  const time = hex(base + n, 12);
  const a = mix(n, 0x9e3779b9);
  const b = mix(n, 0x7f4a7c15);
  const c = mix(n, 0x2545f491);
  return (
    `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(a & 0xfff, 3)}-` +
    `${hex(0x8000 | ((a >>> 12) & 0x3fff), 4)}-${hex(b & 0xffffff, 6)}${hex(c & 0xffffff, 6)}`
  );
}

/** Hands out consecutive id numbers. */
export class IdCounter {
  private next = 0;
  take(): number {
    return this.next++;
  }
  /** Reserves `count` numbers and returns the first. */
  takeMany(count: number): number {
    const first = this.next;
    this.next += count;
    return first;
  }
}
