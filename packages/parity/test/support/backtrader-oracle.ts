/**
 * An independent reference simulator of backtrader's execution rules, written from the scenarios README
 * (`shared/scenarios/backtrader/README.md`) alone. It shares no code with the packages: its own CSV parsing,
 * exactly rounded SMA (Python's `math.fsum`), crossover, order book, cash check, fills and trades. Only the
 * record TYPES come from `src/golden.ts`, so its output can be compared with `compareRecords`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  GoldenDay,
  GoldenFill,
  GoldenOpenTrade,
  GoldenOrderEvent,
  GoldenTrade,
  ParityRecord,
} from '../../src/golden.js';

interface OracleScenario {
  readonly mode: 'long' | 'long_short' | 'target_percent';
  readonly protective?: 'stop' | 'limit' | 'trail';
  readonly bracket?: boolean;
  readonly commission?: 'percent' | 'per_share';
  readonly slippage?: 'fixed' | 'percent';
}

/** The scenarios table of the README. */
export const ORACLE_SCENARIOS: Readonly<Record<string, OracleScenario>> = {
  S01: { mode: 'long' },
  S02: { mode: 'long_short' },
  S03: { mode: 'long', protective: 'stop' },
  S04: { mode: 'long', protective: 'limit' },
  S05: { mode: 'long', commission: 'percent' },
  S06: { mode: 'long', commission: 'per_share' },
  S07: { mode: 'long', slippage: 'fixed' },
  S08: { mode: 'long', slippage: 'percent' },
  S09: { mode: 'long', protective: 'trail' },
  S10: { mode: 'long', bracket: true },
  S11: { mode: 'target_percent' },
};

const INITIAL_CASH = 100_000;
const SHARES = 100;
const FAST = 10;
const SLOW = 30;
const STOP_FACTOR = 0.95;
const LIMIT_FACTOR = 1.1;
const TRAIL_PERCENT = 0.03;
const TARGET_PERCENT = 0.2;

interface Bar {
  readonly date: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

type Kind = 'Market' | 'Stop' | 'Limit' | 'StopTrail';
type Status = 'created' | 'accepted' | 'completed' | 'cancelled' | 'rejected';

interface Order {
  readonly ref: number;
  readonly asset: number;
  readonly buy: boolean;
  readonly size: number;
  readonly kind: Kind;
  level: number;
  readonly createdPrice: number;
  readonly createdBar: number;
  status: Status;
  active: boolean;
  oco?: Order[];
  parent?: Order;
  children?: Order[];
}

interface OpenTrade {
  readonly entryBar: number;
  readonly entryPrice: number;
  readonly size: number;
  readonly entryCommission: number;
}

/** The oracle's record: the golden-file shape plus the signals and a few tie diagnostics. */
export interface OracleRecord extends ParityRecord {
  readonly signals: readonly { date: string; asset: string; cross: number; position: number; action: string }[];
  readonly checks: { minAbsSmaDifference: number; sizingAmbiguities: number };
}

/** Python's `math.fsum`: Shewchuk's exact partials, then a correctly rounded total (CPython's algorithm). */
export function fsum(values: readonly number[]): number {
  const partials: number[] = [];
  for (const value of values) {
    let x = value;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j] as number;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
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
  const next = partials[n - 1];
  if (n > 0 && next !== undefined && ((lo < 0 && next < 0) || (lo > 0 && next > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

/** backtrader's CrossOver(SMA(fast), SMA(slow)) per the README "Signals" section: +1, −1 or 0 per bar. */
export function crossovers(closes: readonly number[]): { cross: number[]; minAbsDiff: number } {
  const sma = (n: number, i: number): number => fsum(closes.slice(i - n + 1, i + 1)) / n;
  const cross = closes.map(() => 0);
  let memory = Number.NaN;
  let minAbsDiff = Number.POSITIVE_INFINITY;
  for (let i = SLOW - 1; i < closes.length; i++) {
    const fast = sma(FAST, i);
    const slow = sma(SLOW, i);
    const diff = fast - slow;
    minAbsDiff = Math.min(minAbsDiff, Math.abs(diff));
    if (i > SLOW - 1) {
      if (fast > slow && memory < 0) cross[i] = 1;
      else if (fast < slow && memory > 0) cross[i] = -1;
    }
    if (i === SLOW - 1 || diff !== 0) memory = diff;
  }
  return { cross, minAbsDiff };
}

function readBars(file: string): Bar[] {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim().toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  return lines.map((line) => {
    const f = line.split(',');
    const num = (name: string): number => Number(f[col(name)]);
    return {
      date: String(f[col('date')]).slice(0, 10),
      open: num('open'),
      high: num('high'),
      low: num('low'),
      close: num('close'),
    };
  });
}

/** Python's float floor division `a // b` (fmod-based, exact floor of the real quotient of the two doubles). */
function pyFloorDiv(a: number, b: number): number {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) {
    mod += b;
    div -= 1;
  }
  if (div === 0) return 0;
  let floor = Math.floor(div);
  if (div - floor > 0.5) floor += 1;
  return floor;
}

/** Runs one scenario of the README on every CSV of `dataDir` (file-name order) and returns its record. */
export function runOracle(id: string, dataDir: string, initialCash = INITIAL_CASH): OracleRecord {
  const sc = ORACLE_SCENARIOS[id];
  if (sc === undefined) throw new Error(`unknown scenario ${id}`);
  const files = readdirSync(dataDir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort();
  const symbols = files.map((f) => f.replace(/\.csv$/i, ''));
  const data = files.map((f) => readBars(join(dataDir, f)));
  const nBars = data[0]?.length ?? 0;
  for (const bars of data) {
    if (bars.length !== nBars || bars.some((b, i) => b.date !== data[0]?.[i]?.date))
      throw new Error('oracle assumes aligned dates');
  }
  const bar = (a: number, t: number): Bar => (data[a] as Bar[])[t] as Bar;
  const dateOf = (t: number): string => bar(0, t).date;
  const sig = data.map((bars) => crossovers(bars.map((b) => b.close)));

  let cash = initialCash;
  const positions = symbols.map(() => 0);
  const openTrades: (OpenTrade | undefined)[] = symbols.map(() => undefined);
  const resting: (Order | undefined)[] = symbols.map(() => undefined);
  const legs: (Order[] | undefined)[] = symbols.map(() => undefined);
  let created: Order[] = [];
  let pending: Order[] = [];
  let toActivate: Order[] = [];
  let nextRef = 1;
  let sizingAmbiguities = 0;
  const trades: GoldenTrade[] = [];
  const fills: GoldenFill[] = [];
  const events: GoldenOrderEvent[] = [];
  const daily: GoldenDay[] = [];
  const signals: OracleRecord['signals'][number][] = [];

  const commission = (qty: number, price: number): number => {
    const q = Math.abs(qty);
    if (q === 0) return 0;
    if (sc.commission === 'percent') return q * 0.001 * price;
    if (sc.commission === 'per_share') return Math.max(q * 0.005, 1);
    return 0;
  };
  /** The part of a signed size `s` that closes position `pos`, and the part that opens a new one. */
  const split = (pos: number, s: number): { closed: number; opened: number } => {
    if (pos === 0 || Math.sign(pos) === Math.sign(s)) return { closed: 0, opened: s };
    if (Math.abs(s) <= Math.abs(pos)) return { closed: s, opened: 0 };
    return { closed: -pos, opened: s + pos };
  };
  const slip = (price: number, buy: boolean): number => {
    if (sc.slippage === 'fixed') return buy ? price + 0.05 : price - 0.05;
    if (sc.slippage === 'percent') return buy ? price * (1 + 0.001) : price * (1 - 0.001);
    return price;
  };
  /** Slipped price capped at the bar range; `capped` says whether the cap applied. */
  const slipped = (price: number, buy: boolean, b: Bar): { price: number; capped: string } => {
    const p = slip(price, buy);
    if (buy && p > b.high) return { price: b.high, capped: ' capped@high' };
    if (!buy && p < b.low) return { price: b.low, capped: ' capped@low' };
    return { price: p, capped: '' };
  };

  const event = (o: Order, t: number, status: string, extra: Record<string, string>): void => {
    events.push({ date: dateOf(t), asset: symbols[o.asset] as string, status, ref: o.ref, type: o.kind, ...extra });
  };
  const alive = (o: Order): boolean => o.status === 'created' || o.status === 'accepted';
  const cancel = (o: Order, t: number, cause: string): void => {
    if (!alive(o)) return;
    o.status = 'cancelled';
    event(o, t, 'cancelled', { cause });
    for (const m of o.oco ?? []) if (m !== o) cancel(m, t, 'oco');
    for (const c of o.children ?? []) cancel(c, t, 'bracket');
    for (const s of o.parent?.children ?? []) if (s !== o) cancel(s, t, 'bracket');
  };
  const newOrder = (
    asset: number,
    buy: boolean,
    size: number,
    kind: Kind,
    level: number,
    createdPrice: number,
    t: number,
  ): Order => {
    const o: Order = {
      ref: nextRef++,
      asset,
      buy,
      size,
      kind,
      level,
      createdPrice,
      createdBar: t,
      status: 'created',
      active: true,
    };
    created.push(o);
    return o;
  };

  /** Fill price and rule of `o` on bar `b`, or undefined when it does not trigger. */
  const trigger = (o: Order, b: Bar): { price: number; rule: string } | undefined => {
    const P = o.level;
    if (o.kind === 'Market') {
      const s = slipped(b.open, o.buy, b);
      return { price: s.price, rule: `market@open${s.capped}` };
    }
    if (o.kind === 'Stop' || o.kind === 'StopTrail') {
      const gap = o.buy ? b.open >= P : b.open <= P;
      const hit = o.buy ? b.high >= P : b.low <= P;
      if (gap) {
        const s = slipped(b.open, o.buy, b);
        return { price: s.price, rule: `stop gap@open${s.capped}` };
      }
      if (hit) {
        const s = slipped(P, o.buy, b);
        return { price: s.price, rule: `stop@level${s.capped}` };
      }
      return undefined;
    }
    const gap = o.buy ? b.open <= P : b.open >= P;
    const hit = o.buy ? b.low <= P : b.high >= P;
    if (gap) {
      const s = slipped(b.open, o.buy, b);
      const price = o.buy ? Math.min(s.price, P) : Math.max(s.price, P);
      return { price, rule: `limit gap@open${s.capped}` };
    }
    if (hit) return { price: P, rule: 'limit@level' };
    return undefined;
  };

  const notified: { asset: number; price: number; size: number }[] = [];
  const execute = (o: Order, t: number, price: number, rule: string): void => {
    const a = o.asset;
    const s = o.buy ? o.size : -o.size;
    const { closed, opened } = split(positions[a] as number, s);
    const closedComm = commission(closed, price);
    const openedComm = commission(opened, price);
    const comm = closedComm + openedComm;
    const after = o.buy ? cash - (o.size * price + comm) : cash + (o.size * price - comm);
    if (o.buy && opened !== 0 && after < 0) {
      o.status = 'rejected';
      event(o, t, 'rejected', { stage: 'execution' });
      for (const c of o.children ?? []) cancel(c, t, 'bracket');
      return;
    }
    cash = after;
    positions[a] = (positions[a] as number) + s;
    o.status = 'completed';
    fills.push({
      date: dateOf(t),
      asset: symbols[a] as string,
      side: o.buy ? 'buy' : 'sell',
      size: s,
      price,
      commission: comm,
      type: o.kind,
      ref: o.ref,
      parent_ref: o.parent?.ref ?? null,
      created: dateOf(o.createdBar),
      level: o.kind === 'Market' ? null : o.level,
      closed,
      opened,
      rule,
    } as GoldenFill);
    if (closed !== 0) {
      const tr = openTrades[a];
      if (tr === undefined || Math.abs(closed) !== Math.abs(tr.size)) throw new Error('oracle: partial close');
      const pnl = tr.size * (price - tr.entryPrice);
      trades.push({
        asset: symbols[a] as string,
        direction: tr.size > 0 ? 'long' : 'short',
        entry_date: dateOf(tr.entryBar),
        entry_price: tr.entryPrice,
        size: tr.size,
        exit_date: dateOf(t),
        exit_price: price,
        exit_type: o.kind,
        pnl_gross: pnl,
        commission: tr.entryCommission + closedComm,
        pnl_net: pnl - (tr.entryCommission + closedComm),
        entry_commission: tr.entryCommission,
        exit_commission: closedComm,
        bars: t - tr.entryBar,
      });
      openTrades[a] = undefined;
    }
    if (opened !== 0) {
      openTrades[a] = { entryBar: t, entryPrice: price, size: opened, entryCommission: openedComm };
      if (opened > 0) notified.push({ asset: a, price, size: positions[a] as number });
    }
    for (const m of o.oco ?? []) if (m !== o) cancel(m, t, 'oco');
    for (const sib of o.parent?.children ?? []) if (sib !== o) cancel(sib, t, 'bracket');
    for (const c of o.children ?? []) toActivate.push(c);
  };

  for (let t = 0; t < nBars; t++) {
    // 1. bracket legs whose entry filled on t−1 become active
    for (const o of toActivate) o.active = true;
    toActivate = [];
    // 2. submission cash check, in creation order, against the positions as they are (running cash only)
    let running = cash;
    for (const o of created) {
      if (o.status !== 'created') continue;
      if (o.parent !== undefined && o.parent.status !== 'accepted') {
        o.status = 'rejected';
        event(o, t, 'rejected', { stage: 'submission', cause: 'parent' });
        continue;
      }
      const s = o.buy ? o.size : -o.size;
      const { closed, opened } = split(positions[o.asset] as number, s);
      const comm = commission(closed, o.createdPrice) + commission(opened, o.createdPrice);
      running = o.buy ? running - (o.size * o.createdPrice + comm) : running + (o.size * o.createdPrice - comm);
      if (running >= 0) {
        o.status = 'accepted';
        pending.push(o);
      } else {
        o.status = 'rejected';
        event(o, t, 'rejected', { stage: 'submission' });
        for (const c of o.children ?? []) {
          c.status = 'rejected';
          event(c, t, 'rejected', { stage: 'submission', cause: 'parent' });
        }
      }
    }
    created = [];
    // 3. execution: every pending order once, in acceptance order; survivors keep their place
    const queue = pending;
    pending = [];
    for (const o of queue) {
      if (o.status !== 'accepted') continue;
      if (o.active) {
        const b = bar(o.asset, t);
        const hit = trigger(o, b);
        if (hit !== undefined) execute(o, t, hit.price, hit.rule);
        if (o.status === 'accepted' && o.kind === 'StopTrail') {
          o.level = Math.max(o.level, b.close - b.close * TRAIL_PERCENT);
        }
      }
      if (o.status === 'accepted') pending.push(o);
    }
    // 4. value at the close
    let posValue = 0;
    for (let a = 0; a < symbols.length; a++) posValue += (positions[a] as number) * bar(a, t).close;
    const value = cash + posValue;
    daily.push({ date: dateOf(t), value, cash });
    // 5. protective orders on notification of an entry fill (created before the strategy's orders)
    for (const n of notified) {
      if (sc.protective === 'stop') {
        const lvl = n.price * STOP_FACTOR;
        resting[n.asset] = newOrder(n.asset, false, n.size, 'Stop', lvl, lvl, t);
      } else if (sc.protective === 'limit') {
        const lvl = n.price * LIMIT_FACTOR;
        resting[n.asset] = newOrder(n.asset, false, n.size, 'Limit', lvl, lvl, t);
      } else if (sc.protective === 'trail') {
        const c = bar(n.asset, t).close;
        const lvl = c - c * TRAIL_PERCENT;
        resting[n.asset] = newOrder(n.asset, false, n.size, 'StopTrail', lvl, lvl, t);
      }
    }
    notified.length = 0;
    // 6. the strategy on the close, A0 … A4
    for (let a = 0; a < symbols.length; a++) {
      const cross = sig[a]?.cross[t] ?? 0;
      if (cross === 0) continue;
      const pos = positions[a] as number;
      const close = bar(a, t).close;
      let action = 'none';
      if (sc.mode === 'long_short') {
        const target = cross > 0 ? SHARES : -SHARES;
        if ((cross > 0 && pos <= 0) || (cross < 0 && pos >= 0)) {
          const diff = target - pos;
          newOrder(a, diff > 0, Math.abs(diff), 'Market', Number.NaN, close, t);
          action = `target ${target > 0 ? '+' : ''}${target}`;
        }
      } else if (cross > 0 && pos === 0) {
        let size = SHARES;
        if (sc.mode === 'target_percent') {
          const target = value * TARGET_PERCENT;
          size = pyFloorDiv(target, close);
          if (size !== Math.floor(target / close)) sizingAmbiguities += 1;
        }
        if (size > 0) {
          const parent = newOrder(a, true, size, 'Market', Number.NaN, close, t);
          if (sc.bracket) {
            const stop = newOrder(a, false, size, 'Stop', close * STOP_FACTOR, close * STOP_FACTOR, t);
            const limit = newOrder(a, false, size, 'Limit', close * LIMIT_FACTOR, close * LIMIT_FACTOR, t);
            for (const leg of [stop, limit]) {
              leg.parent = parent;
              leg.active = false;
            }
            parent.children = [stop, limit];
            legs[a] = [stop, limit];
          }
          action = `buy ${size}`;
        }
      } else if (cross < 0 && pos > 0) {
        if (sc.bracket) for (const leg of legs[a] ?? []) cancel(leg, t, 'strategy');
        const close_ = newOrder(a, false, pos, 'Market', Number.NaN, close, t);
        const r = resting[a];
        if (sc.protective !== undefined && r !== undefined && alive(r)) {
          r.oco ??= [r];
          r.oco.push(close_);
          close_.oco = r.oco;
        }
        action = 'close';
      }
      signals.push({ date: dateOf(t), asset: symbols[a] as string, cross, position: pos, action });
    }
  }

  const last = daily[daily.length - 1];
  const open_trades: GoldenOpenTrade[] = [];
  openTrades.forEach((tr, a) => {
    if (tr !== undefined)
      open_trades.push({
        asset: symbols[a] as string,
        entry_date: dateOf(tr.entryBar),
        entry_price: tr.entryPrice,
        size: tr.size,
      });
  });
  return {
    scenario: id,
    engine: 'backtrader-oracle (test/support)',
    initial_cash: initialCash,
    symbols,
    final_value: last?.value ?? initialCash,
    final_cash: cash,
    final_positions: Object.fromEntries(symbols.map((s, a) => [s, positions[a] as number])),
    counts: {
      trades: trades.length,
      fills: fills.length,
      order_events: events.length,
      signals: signals.length,
      open_trades: open_trades.length,
    },
    trades,
    open_trades,
    fills,
    order_events: events,
    daily,
    signals,
    checks: { minAbsSmaDifference: Math.min(...sig.map((s) => s.minAbsDiff)), sizingAmbiguities },
  };
}
