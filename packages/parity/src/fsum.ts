/**
 * The correctly rounded sum of `values[start..end)`: Shewchuk's exact partials with Python's `math.fsum`
 * final rounding (half-even), so the result equals the exact sum of the doubles rounded once. backtrader's SMA
 * uses `math.fsum`; a naive running sum can differ in the last bits and flip a crossover on a near tie.
 */
export function fsum(values: ArrayLike<number>, start = 0, end = values.length): number {
  const partials: number[] = [];
  for (let k = start; k < end; k++) {
    let x = values[k] as number;
    let used = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j] as number;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[used++] = lo;
      x = hi;
    }
    partials.length = used;
    partials.push(x);
  }
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n] as number;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n] as number;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Half-even correction when the remaining partials push the rounding the other way.
  if (n > 0 && ((lo < 0 && (partials[n - 1] as number) < 0) || (lo > 0 && (partials[n - 1] as number) > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}
