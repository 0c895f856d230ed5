import type { Instance } from '../types.ts';
import { auditSchedule } from './check-schedule.ts';

/**
 * The scheduling problem written independently of the solver, as CPLEX LP text for HiGHS (the
 * reference in tests and benchmarks). Caps come from the instance by the issue's definition.
 */
interface Pairs {
  readonly pairs: { a: string; b: string; w: number; rounds: number[] }[];
  readonly cap: ReadonlyMap<string, number>;
  readonly ids: readonly string[];
}

function allowedPairs(instance: Instance): Pairs {
  const rounds = Array.from({ length: instance.rounds }, (_, i) => i + 1);
  const present = new Map(
    [...instance.left, ...instance.right].map((p) => [p.id, new Set(p.present ?? rounds)]),
  );
  const forbidden = new Set((instance.forbidden ?? []).map((f) => `${f.a}|${f.b}`));
  const best = new Map<string, { a: string; b: string; w: number; rounds: number[] }>();
  for (const w of instance.weights) {
    const key = `${w.a}|${w.b}`;
    if (forbidden.has(key)) continue;
    const common = rounds.filter((r) => present.get(w.a)!.has(r) && present.get(w.b)!.has(r));
    if (common.length === 0) continue;
    const seen = best.get(key);
    if (!seen || seen.w < w.w) best.set(key, { a: w.a, b: w.b, w: w.w, rounds: common });
  }
  const { cap } = auditSchedule(instance, []);
  return { pairs: [...best.values()], cap, ids: [...instance.left, ...instance.right].map((p) => p.id) };
}

const sum = (terms: readonly string[]): string => (terms.length ? terms.join(' + ') : '0 z');

function lpText(objective: string[], rows: string[], binaries: string[], bounds: string[]): string {
  return [
    'Maximize',
    ` obj: ${objective.length ? objective.join(' + ') : '0 z'}`,
    'Subject To',
    ...rows,
    ' zero: z = 0',
    'Bounds',
    ...bounds,
    ...(binaries.length ? ['Binaries', ...binaries.map((b) => ` ${b}`)] : []),
    'End',
  ].join('\n');
}

/** The b-matching relaxation at fairness m (exact without presence windows). */
export function bMatchingLp(instance: Instance, m: number): { lp: string; variables: number } {
  const { pairs, cap, ids } = allowedPairs(instance);
  const at = new Map(ids.map((id) => [id, [] as string[]]));
  const objective: string[] = [];
  const bounds: string[] = [];
  pairs.forEach((p, i) => {
    objective.push(`${p.w} x${i}`);
    bounds.push(` 0 <= x${i} <= 1`);
    at.get(p.a)!.push(`x${i}`);
    at.get(p.b)!.push(`x${i}`);
  });
  const rows: string[] = [];
  ids.forEach((id, v) => {
    const c = cap.get(id)!;
    rows.push(` lo${v}: ${sum(at.get(id)!)} >= ${Math.min(m, c)}`);
    rows.push(` up${v}: ${sum(at.get(id)!)} <= ${c}`);
  });
  rows.push(` total: ${sum(pairs.map((_, i) => `x${i}`))} <= ${tablesBound(instance)}`);
  return { lp: lpText(objective, rows, [], bounds), variables: pairs.length };
}

/** The same relaxation as sparse arrays (one column per pair, CSC), for large instances. */
export function bMatchingArrays(instance: Instance, m: number) {
  const { pairs, cap, ids } = allowedPairs(instance);
  const row = new Map(ids.map((id, v) => [id, v]));
  const numRows = ids.length + 1;
  const numCols = pairs.length;
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(3 * numCols);
  const values = new Float64Array(3 * numCols).fill(1);
  pairs.forEach((p, j) => {
    starts[j] = 3 * j;
    const [x, y] = [row.get(p.a)!, row.get(p.b)!].sort((s, t) => s - t);
    indices.set([x!, y!, ids.length], 3 * j);
  });
  starts[numCols] = 3 * numCols;
  const rowLower = Float64Array.from([...ids.map((id) => Math.min(m, cap.get(id)!)), 0]);
  const rowUpper = Float64Array.from([...ids.map((id) => cap.get(id)!), tablesBound(instance)]);
  return {
    numCols,
    numRows,
    colCost: Float64Array.from(pairs, (p) => p.w),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csc' as const, numRows, numCols, starts, indices, values },
  };
}

/** Σ over rounds of min(T, present left, present right). */
function tablesBound(instance: Instance): number {
  let total = 0;
  for (let r = 1; r <= instance.rounds; r++) {
    const here = (side: Instance['left']) => side.filter((p) => !p.present || p.present.includes(r)).length;
    total += Math.min(instance.tables, here(instance.left), here(instance.right));
  }
  return total;
}

/**
 * The exact round-indexed integer program at fairness m: y{pair}_{round} binary. Past `limit`
 * binaries the text is not written (lp is empty): HiGHS could not solve it anyway.
 */
export function roundIndexedIp(
  instance: Instance,
  m: number,
  limit = Infinity,
): { lp: string; variables: number } {
  const { pairs, cap, ids } = allowedPairs(instance);
  const variables = pairs.reduce((n, p) => n + p.rounds.length, 0);
  if (variables > limit) return { lp: '', variables };
  const own = new Map([...instance.left, ...instance.right].map((p) => [p.id, p.max]));
  const byPerson = new Map(ids.map((id) => [id, [] as string[]]));
  const byPersonRound = new Map<string, string[]>();
  const byRound = new Map<number, string[]>();
  const objective: string[] = [];
  const binaries: string[] = [];
  const rows: string[] = [];
  pairs.forEach((p, i) => {
    const vars = p.rounds.map((r) => `y${i}_${r}`);
    rows.push(` once${i}: ${sum(vars)} <= 1`);
    p.rounds.forEach((r, k) => {
      const y = vars[k]!;
      objective.push(`${p.w} ${y}`);
      binaries.push(y);
      byPerson.get(p.a)!.push(y);
      byPerson.get(p.b)!.push(y);
      for (const key of [`${p.a}@${r}`, `${p.b}@${r}`])
        byPersonRound.set(key, [...(byPersonRound.get(key) ?? []), y]);
      byRound.set(r, [...(byRound.get(r) ?? []), y]);
    });
  });
  let row = 0;
  for (const vars of byPersonRound.values())
    if (vars.length > 1) rows.push(` seat${row++}: ${sum(vars)} <= 1`);
  for (const [r, vars] of byRound) rows.push(` tables${r}: ${sum(vars)} <= ${instance.tables}`);
  ids.forEach((id, v) => {
    const vars = byPerson.get(id)!;
    rows.push(` lo${v}: ${sum(vars)} >= ${Math.min(m, cap.get(id)!)}`);
    const max = own.get(id);
    if (max !== undefined) rows.push(` max${v}: ${sum(vars)} <= ${max}`);
  });
  return { lp: lpText(objective, rows, binaries, []), variables: binaries.length };
}

/**
 * The instance with every `must` pair's weight raised by a bonus larger than any total weight, so
 * that HiGHS's optimum on it is the schedule's lexicographic objective: `must` pairs met, then
 * weight (optimum = musts · bonus + weight). A pair listed twice counts once, as in the solver.
 */
export function mustFirstInstance(instance: Instance): { instance: Instance; bonus: number } {
  const best = new Map<string, { a: string; b: string; w: number; must: boolean }>();
  for (const w of instance.weights) {
    const key = `${w.a}|${w.b}`;
    const seen = best.get(key);
    best.set(key, {
      a: w.a,
      b: w.b,
      w: Math.max(w.w, seen?.w ?? 0),
      must: w.wish === 'must' || (seen?.must ?? false),
    });
  }
  let bonus = 1;
  for (const p of best.values()) bonus += p.w;
  const weights = [...best.values()].map((p) => ({ a: p.a, b: p.b, w: p.w + (p.must ? bonus : 0) }));
  return { instance: { ...instance, weights }, bonus };
}
