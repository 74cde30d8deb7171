/**
 * Integer arithmetic for audit time. The calculator works in half-day units (u = days × 2) so that
 * no result depends on floating-point rounding: IAF MD 5 2.2.3 rounds to the nearest half day, and a
 * value such as 21.45 must round the same way on every machine.
 */

/** ⌊a / b⌋ for a ≥ 0 and b > 0, exact for integers below 2^53 (no float division of the result). */
export function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** ⌈a / b⌉ for a ≥ 0 and b > 0. */
export function ceilDiv(a: number, b: number): number {
  return floorDiv(a + b - 1, b);
}

/** a / b to the nearest integer, exact ties upwards (the Audit Desk rule for quarter days). */
export function roundDiv(a: number, b: number): number {
  return floorDiv(2 * a + b, 2 * b);
}

/**
 * The least integer s ≥ 0 with s² · denominator ≥ numerator, i.e. ⌈√(numerator / denominator)⌉,
 * found by binary search so that no square root is taken in floating point.
 */
export function ceilSqrtRatio(numerator: number, denominator = 1): number {
  let low = 0;
  let high = 1;
  while (high * high * denominator < numerator) high *= 2;
  while (low < high) {
    const middle = floorDiv(low + high, 2);
    if (middle * middle * denominator >= numerator) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Table values are stored in days; every one is a whole number of half days (checked on load). */
export function toHalfDays(days: number): number {
  return Math.round(days * 2);
}

/** Half-day units back to days; halving is exact in binary floating point. */
export function toDays(halfDays: number): number {
  return halfDays / 2;
}

/** A half-day count for messages: 7 → "3.5", 20 → "10". */
export function formatDays(halfDays: number): string {
  return String(toDays(halfDays));
}

/**
 * numerator / denominator as a decimal for messages, to at most `decimals` places (nearest, ties
 * up), trailing zeros dropped: (95200, 20000) → "4.76", (22, 6) → "3.67".
 */
export function formatRatio(numerator: number, denominator: number, decimals = 2): string {
  const scale = 10 ** decimals;
  const scaled = roundDiv(numerator * scale, denominator);
  const whole = floorDiv(scaled, scale);
  const fraction = String(scaled % scale)
    .padStart(decimals, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** A signed percentage for messages: 20 → "+20%", -10 → "-10%", 0 → "0%". */
export function formatPercent(percent: number): string {
  return percent > 0 ? `+${percent}%` : `${percent}%`;
}
