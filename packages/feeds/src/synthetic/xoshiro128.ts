/**
 * The xoshiro128** pseudo-random generator (Blackman & Vigna), seeded through splitmix32: fast, 32-bit
 * state words, identical output on every platform. Used instead of `Math.random` so synthetic data is
 * reproducible from a seed.
 */
export class Xoshiro128 {
  /**
   * The four 32-bit state words, as int32 (the same bits as the algorithm's unsigned words: every operation on
   * them is a bitwise one). A typed array rather than four number fields, which V8 boxes whenever a value
   * leaves the small-integer range.
   */
  private readonly s = new Int32Array(4);
  private spare = Number.NaN;
  private hasSpare = false;

  /** @param seed - any 32-bit integer (other numbers are truncated). */
  constructor(seed: number) {
    let state = seed | 0;
    const next = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return z ^ (z >>> 16);
    };
    for (let k = 0; k < 4; k++) this.s[k] = next();
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const st = this.s;
    const s0 = st[0] as number;
    const s1 = st[1] as number;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const s2 = (st[2] as number) ^ s0;
    const s3 = (st[3] as number) ^ s1;
    st[1] = s1 ^ s2;
    st[0] = s0 ^ s3;
    st[2] = s2 ^ (s1 << 9);
    st[3] = rotl(s3, 11);
    return result;
  }

  /** A uniform draw in the open interval (0, 1). */
  uniform(): number {
    return (this.nextUint32() + 0.5) / 4_294_967_296;
  }

  /**
   * A standard normal draw (Marsaglia's polar form of Box–Muller: no trigonometry; the second value of each
   * pair is kept for the next call).
   */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.hasSpare = true;
    return u * m;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
