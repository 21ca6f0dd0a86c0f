import { Decimal, type Money } from './decimal.js';
import { decimalOf, WORD, WORD_DIGITS, wordDigits } from './decimal-fields.js';

/** Exact powers of ten as doubles: 10⁰ … 10²². */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);
const SAFE_WORDS_LIMIT = Number.MAX_SAFE_INTEGER / WORD;

/**
 * The exact Decimal of a float at its shortest decimal representation — the value `new Decimal(x)` gives, with
 * the same digits, exponent and sign — at a fraction of decimal.js's cost.
 *
 * Safe integers are split into words arithmetically. A float with at most 15 significant digits (prices in data
 * files, quantities, cents) is found with float arithmetic: with `k` the places where a 15th significant digit
 * ends, `m = Math.round(v × 10ᵏ)` is exact (below 10¹⁵, the product's rounding error is far below ½) and, if
 * `m / 10ᵏ === v` (a correctly rounded division of exact floats), `m × 10⁻ᵏ` is a decimal that rounds to `v`
 * and the only one with `k` places; any shorter one is it with trailing zeros dropped, so dropping them gives the
 * shortest representation, which is what `Number.prototype.toString` prints. Floats of 16 or 17 digits (prices
 * after slippage, products) are found the same way in double-double arithmetic (see `fromLongDigits` below);
 * the few it cannot decide are printed with `String(x)` and the text read once (decimal.js's parser slices,
 * replaces and runs a regular expression). NaN and infinities take decimal.js's path.
 */
export function numberToDecimal(x: number): Money {
  if (x === 0 || !Number.isFinite(x)) return new Decimal(x);
  const sign = x < 0 ? -1 : 1;
  const v = x < 0 ? -x : x;
  if (Number.isInteger(v) && v <= Number.MAX_SAFE_INTEGER) return fromScaled(sign, v, 0);
  const lead = leadingExponent(v);
  // Fifteen significant digits end 14 − lead places after the point; v × 10ᵏ < 10¹⁵ < 2⁵¹.
  const k = Math.min(POW10.length - 1, 14 - lead);
  if (k >= 1) {
    const p = POW10[k] as number;
    const m = Math.round(v * p);
    if (m / p === v) return fromScaled(sign, m, -k);
  }
  return fromLongDigits(sign, v, lead) ?? fromText(sign, String(v));
}

/** log₁₀ 2, to estimate a float's decimal exponent from its binary one. */
const LOG10_2 = 0.301_029_995_663_981_2;

/**
 * `⌊log₁₀ v⌋` for a positive normal float, from its binary exponent and one comparison with an exact power of
 * ten (`Math.log10` costs ~30 ns). Below 1 the comparison is with the float nearest a negative power of ten, so
 * that float itself may count one too high; it is a one-digit decimal, which the caller finds either way.
 */
function leadingExponent(v: number): number {
  BITS[0] = v;
  const binary = (((BIT_WORDS[1] as number) >>> 20) & 0x7ff) - 1023;
  const lead = Math.floor(binary * LOG10_2);
  const next = lead + 1;
  if (next >= 0) return next < POW10.length && v >= (POW10[next] as number) ? next : lead;
  return v >= 10 ** next ? next : lead;
}

/**
 * The Decimal of a positive float between 10⁻⁶ and 10¹⁶ that needs 16 or 17 significant digits (the shortest
 * with fewer are ruled out by the caller), or undefined where this path cannot decide (then the float is printed).
 *
 * With `k` the decimal places of `n` digits, `v × 10ᵏ` is computed exactly as a double-double (the power of ten
 * is an exact float): its nearest integer `N` is the closest `n`-digit decimal. The 16-digit one is the shortest
 * representation if it rounds back to `v`, i.e. if it lies within half the gap to `v`'s neighbour on its side
 * (an exact power of two times 10ᵏ); otherwise the 17-digit one is, which always does. Among decimals of a
 * length that round to `v`, printing picks the closest to `v`: `N`. Near a tie (a rounding midpoint or the
 * half-gap boundary) it gives up.
 */
function fromLongDigits(sign: 1 | -1, v: number, lead: number): Money | undefined {
  const k17 = 16 - lead;
  if (k17 < 1 || k17 >= POW10.length) return undefined;
  if (!nearestScaled(v, k17 - 1, 15)) return undefined;
  const scaledGap = SCALED[GAP] as number;
  const bound = halfUlp(v, scaledGap < 0) * (POW10[k17 - 1] as number);
  const gap = Math.abs(scaledGap);
  if (gap < bound * (1 - TIE_MARGIN)) return fromScaledPair(sign, 1 - k17);
  if (!(gap > bound * (1 + TIE_MARGIN))) return undefined;
  return nearestScaled(v, k17, 16) ? fromScaledPair(sign, -k17) : undefined;
}

/** Relative margin around a rounding midpoint or half-gap boundary within which {@link fromLongDigits} gives up. */
const TIE_MARGIN = 2 ** -30;

// The result of {@link nearestScaled}: the integer `high × 10⁷ + low` (`high` a safe integer, `0 ≤ low < 10⁷`)
// and how far it lies from the scaled value (`gap`: integer minus value). In a typed array rather than an object
// or module variables (which box every double written to them): this runs once or twice per fill.
const SCALED = new Float64Array(3);
const HIGH = 0;
const LOW = 1;
const GAP = 2;

/**
 * Finds the integer nearest to `v × 10ᵏ`, which must have `digits + 1` digits (`10^digits ≤ v × 10ᵏ <
 * 10^(digits+1)`); false near a midpoint or outside that range. The product is exact as `hi + lo` (Dekker); `hi`
 * rounded to an integer `a` is exact, and `a − hi` too (within one unit, or zero beyond 2⁵³).
 */
function nearestScaled(v: number, k: number, digits: number): boolean {
  const p = POW10[k] as number;
  const hi = v * p;
  if (hi < (POW10[digits] as number) || hi >= (POW10[digits + 1] as number)) return false;
  const lo = productError(v, p, hi);
  const a = Math.round(hi);
  const fraction = hi - a + lo;
  const step = Math.round(fraction);
  const rest = fraction - step;
  if (!(Math.abs(Math.abs(rest) - 0.5) > TIE_MARGIN)) return false;
  // a = high × 10⁷ + low exactly: t = high × 10⁷ is split into t + te (Dekker); a − t is exact (Sterbenz).
  let high = Math.floor(a / WORD);
  const t = high * WORD;
  let low = a - t - productError(high, WORD, t) + step;
  while (low < 0) {
    low += WORD;
    high--;
  }
  while (low >= WORD) {
    low -= WORD;
    high++;
  }
  SCALED[HIGH] = high;
  SCALED[LOW] = low;
  SCALED[GAP] = -rest;
  return true;
}

/**
 * The Decimal `sign × (high × 10⁷ + low) × 10^q` ({@link nearestScaled}'s integer) in decimal.js's
 * normal form: the integer's three base-10⁷ digits shifted up by `q mod 7` places into four words aligned to the
 * decimal point, leading and trailing zero words dropped.
 */
function fromScaledPair(sign: 1 | -1, q: number): Money {
  const shift = q - WORD_DIGITS * Math.floor(q / WORD_DIGITS);
  const scale = POW10[shift] as number;
  const scaledHigh = SCALED[HIGH] as number;
  const top = Math.floor(scaledHigh / WORD);
  let x = (SCALED[LOW] as number) * scale;
  let carry = Math.floor(x / WORD);
  const w3 = x - carry * WORD;
  x = (scaledHigh - top * WORD) * scale + carry;
  carry = Math.floor(x / WORD);
  const w2 = x - carry * WORD;
  x = top * scale + carry;
  const w0 = Math.floor(x / WORD);
  const w1 = x - w0 * WORD;
  // Word 3 holds the digits of exponents q − shift … q − shift + 6; the leading word is w0 or w1 (N ≥ 10¹⁵).
  const e = q - shift + WORD_DIGITS * (w0 > 0 ? 3 : 2) + wordDigits(w0 > 0 ? w0 : w1) - 1;
  const words = w0 > 0 ? [w0, w1, w2, w3] : [w1, w2, w3];
  while (words[words.length - 1] === 0) words.pop();
  return decimalOf(sign, e, words);
}

/**
 * `d.toNumber()` — the float nearest to `d`, the value decimal.js gets by printing `d` and parsing the text —
 * without the string round trip when `d` is an integer mantissa below 2⁵³ times a power of ten within 10^±22: one
 * correctly rounded multiplication or division of two exact floats gives the same float.
 */
export function decimalToNumber(d: Money): number {
  const words = d.d;
  if (words === null || words === undefined) return d.toNumber();
  const n = words.length;
  let m = words[0] as number;
  if (m === 0) return d.s < 0 ? -0 : 0;
  let q = WORD_DIGITS * (Math.floor(d.e / WORD_DIGITS) - n + 1);
  for (let j = 1; j < n; j++) {
    if (m >= SAFE_WORDS_LIMIT) return longToNumber(d.s, words, q);
    m = m * WORD + (words[j] as number);
  }
  for (let t = Math.floor(m / 10); q < 0 && t * 10 === m; t = Math.floor(m / 10)) {
    m = t;
    q += 1;
  }
  let value: number;
  if (q === 0) value = m;
  else if (q > 0 && q < POW10.length) value = m * (POW10[q] as number);
  else if (q < 0 && -q < POW10.length) value = m / (POW10[-q] as number);
  else value = Number(`${m}e${q}`);
  return d.s < 0 ? -value : value;
}

/**
 * `sign ×` the words' digits `× 10^q` for a mantissa beyond 2⁵³: computed in double-double arithmetic (about
 * 100 bits), whose float is the correctly rounded one unless the value lies within that error of a rounding
 * midpoint; then (about once in 2⁴⁵ values) and for exponents beyond 10^±22, printed and parsed.
 */
function longToNumber(sign: number, words: readonly number[], q: number): number {
  if (q > 22 || q < -22) return parseWords(sign, words, q);
  // The mantissa as hi + lo: (hi, lo) ← (hi, lo) × 10⁷ + word, each step exact to about 2⁻¹⁰⁵.
  let hi = words[0] as number;
  let lo = 0;
  for (let j = 1; j < words.length; j++) {
    const p = hi * WORD;
    const pe = productError(hi, WORD, p) + lo * WORD;
    const s = p + (words[j] as number);
    const se = (words[j] as number) - (s - p) + pe;
    hi = s + se;
    lo = se - (hi - s);
  }
  const scale = POW10[q < 0 ? -q : q] as number;
  let x: number;
  let err: number;
  if (q >= 0) {
    const p = hi * scale;
    const pe = productError(hi, scale, p) + lo * scale;
    x = p + pe;
    err = pe - (x - p);
  } else {
    const q1 = hi / scale;
    const t = q1 * scale;
    const r = hi - t - productError(q1, scale, t) + lo;
    const q2 = r / scale;
    x = q1 + q2;
    err = q2 - (x - q1);
  }
  const half = halfUlp(x, err < 0);
  if (!(Math.abs(err) < half - Math.abs(x) * 2 ** -96)) return parseWords(sign, words, q);
  return sign < 0 ? -x : x;
}

const SPLITTER = 134_217_729; // 2²⁷ + 1
const BITS = new Float64Array(1);
const BIT_WORDS = new Uint32Array(BITS.buffer);

/** The rounding error of `p = a × b` (Dekker's product: `a × b = p + error` exactly, no overflow here). */
function productError(a: number, b: number, p: number): number {
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * Half the gap from a positive normal float to its neighbour above, or below when `below` (half as wide under a
 * power of two); 0 for other floats, which sends callers to the slow path.
 */
function halfUlp(x: number, below: boolean): number {
  BITS[0] = x;
  const high = BIT_WORDS[1] as number;
  const exponent = (high >>> 20) & 0x7ff;
  const powerOfTwo = (high & 0xfffff) === 0 && BIT_WORDS[0] === 0;
  const halfExponent = exponent - (below && powerOfTwo ? 54 : 53);
  if (halfExponent <= 0 || exponent === 0x7ff) return 0;
  BIT_WORDS[1] = halfExponent << 20;
  BIT_WORDS[0] = 0;
  return BITS[0] as number;
}

/** `sign ×` the words' digits `× 10^q`, printed and parsed (correctly rounded) like decimal.js's `toNumber`. */
function parseWords(sign: number, words: readonly number[], q: number): number {
  let text = String(words[0]);
  for (let j = 1; j < words.length; j++) text += String((words[j] as number) + WORD).slice(1);
  const value = Number(`${text}e${q}`);
  return sign < 0 ? -value : value;
}

/**
 * The Decimal of `sign ×` the text of a positive finite float (`String(v)`: digits, an optional point, an optional
 * exponent), in decimal.js's normal form.
 */
function fromText(sign: 1 | -1, text: string): Money {
  let end = text.indexOf('e');
  let exponent = 0;
  if (end < 0) end = text.length;
  else exponent = Number(text.slice(end + 1));
  const point = text.indexOf('.');
  // The decimal exponent of the character at index i is `base - i`, plus one after the point.
  const base = exponent + (point < 0 ? end : point) - 1;
  let first = 0;
  let c = text.charCodeAt(0);
  while (c === 48 || c === 46) c = text.charCodeAt(++first);
  let last = end - 1;
  c = text.charCodeAt(last);
  while (c === 48 || c === 46) c = text.charCodeAt(--last);
  const e = point >= 0 && first > point ? base - first + 1 : base - first;
  // Digits fill base-10⁷ words aligned to the decimal point: the leading digit sits r places up in its word.
  let r = e - WORD_DIGITS * Math.floor(e / WORD_DIGITS);
  const words: number[] = [];
  let word = 0;
  for (let i = first; i <= last; i++) {
    c = text.charCodeAt(i);
    if (c === 46) continue;
    word += (c - 48) * (POW10[r] as number);
    if (r === 0) {
      words.push(word);
      word = 0;
      r = WORD_DIGITS - 1;
    } else {
      r--;
    }
  }
  if (r !== WORD_DIGITS - 1) words.push(word);
  return decimalOf(sign, e, words);
}

/**
 * The Decimal `sign × m × 10^q` for an integer `0 < m ≤ 2⁵³ − 1`, built in decimal.js's normal form: trailing
 * zeros dropped, `e` the exponent of the leading digit, `d` the base-10⁷ words aligned to the decimal point (no
 * leading or trailing zero word).
 */
function fromScaled(sign: 1 | -1, mantissa: number, exponent: number): Money {
  // Integer division by floor and multiply: `%` on doubles is a slow call.
  let m = mantissa;
  let q = exponent;
  for (let d = Math.floor(m / 1e7); d * 1e7 === m; d = Math.floor(m / 1e7)) {
    m = d;
    q += 7;
  }
  for (let d = Math.floor(m / 10); d * 10 === m; d = Math.floor(m / 10)) {
    m = d;
    q += 1;
  }
  let digits = 1;
  while (digits < 16 && m >= (POW10[digits] as number)) digits++;
  // The lowest word holds the digits of exponents 7⌊q/7⌋ … 7⌊q/7⌋ + 6; the mantissa's last digit sits r places up.
  const r = q - WORD_DIGITS * Math.floor(q / WORD_DIGITS);
  const lowSpan = POW10[WORD_DIGITS - r] as number;
  let rest = floorDiv(m, lowSpan);
  const words: number[] = [(m - rest * lowSpan) * (POW10[r] as number)];
  while (rest > 0) {
    const next = floorDiv(rest, WORD);
    words.push(rest - next * WORD);
    rest = next;
  }
  words.reverse();
  return decimalOf(sign, digits - 1 + q, words);
}

/** `⌊n / d⌋` for a safe integer `n ≥ 0` and a power of ten `d`, corrected where the float quotient rounded up. */
function floorDiv(n: number, d: number): number {
  const t = Math.floor(n / d);
  return t * d > n ? t - 1 : t;
}
