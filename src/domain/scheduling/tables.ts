import type { Meeting } from './types.ts';

export interface PlacedPair {
  readonly id: string;
  readonly a: string;
  readonly b: string;
  readonly round: number;
  readonly weight: number;
}

/**
 * Numbers the tables of each round from 1. A pair that sat at a table in the same round of the
 * previous plan keeps it; the others take the lowest free numbers, heaviest meeting first (equal
 * weights in the order given).
 */
export function assignTables(
  pairs: readonly PlacedPair[],
  tables: number,
  previous: ReadonlyMap<string, Meeting> = new Map(),
): Meeting[] {
  const ordered = byRoundHeaviestFirst(pairs);
  const meetings: Meeting[] = [];
  if (previous.size === 0) {
    // Nothing to keep: tables are handed out in order, already sorted by round and table.
    let round = -1;
    let table = 0;
    for (const p of ordered) {
      table = p.round === round ? table + 1 : 1;
      round = p.round;
      meetings.push({ id: p.id, round, table, a: p.a, b: p.b });
    }
    return meetings;
  }
  for (let start = 0; start < ordered.length;) {
    const round = ordered[start]!.round;
    let end = start;
    while (end < ordered.length && ordered[end]!.round === round) end++;
    keepThenFill(ordered.slice(start, end), tables, previous, meetings);
    start = end;
  }
  return sortMeetings(meetings);
}

/**
 * Pairs by round, heaviest first, ties in the order given (a stable sort). Whole weights are
 * sorted as packed numeric keys, without a comparator: comparator sorts were a sixth of a first
 * call's time.
 */
function byRoundHeaviestFirst(pairs: readonly PlacedPair[]): PlacedPair[] {
  const count = pairs.length;
  let top = 0;
  let lastRound = 0;
  let whole = true;
  for (const p of pairs) {
    if (!Number.isInteger(p.weight) || !Number.isInteger(p.round) || p.round < 0) whole = false;
    top = Math.max(top, p.weight);
    lastRound = Math.max(lastRound, p.round);
  }
  if (!whole || (lastRound + 1) * (top + 1) * (count + 1) >= 2 ** 52) {
    return [...pairs].sort((x, y) => x.round - y.round || y.weight - x.weight);
  }
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const p = pairs[i]!;
    keys[i] = (p.round * (top + 1) + top - p.weight) * count + i;
  }
  keys.sort();
  const ordered = new Array<PlacedPair>(count);
  for (let i = 0; i < count; i++) ordered[i] = pairs[keys[i]! % count]!;
  return ordered;
}

/** One round: previous tables first, then the lowest free numbers. */
function keepThenFill(
  list: readonly PlacedPair[],
  tables: number,
  previous: ReadonlyMap<string, Meeting>,
  into: Meeting[],
): void {
  const taken = new Set<number>();
  const waiting: PlacedPair[] = [];
  for (const p of list) {
    const before = previous.get(p.id);
    if (before && before.round === p.round && before.table <= tables && !taken.has(before.table)) {
      taken.add(before.table);
      into.push({ id: p.id, round: p.round, table: before.table, a: p.a, b: p.b });
    } else {
      waiting.push(p);
    }
  }
  let table = 1;
  for (const p of waiting) {
    while (taken.has(table)) table++;
    taken.add(table);
    into.push({ id: p.id, round: p.round, table, a: p.a, b: p.b });
  }
}

export const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

export function sortMeetings(meetings: Meeting[]): Meeting[] {
  return meetings.sort((x, y) => x.round - y.round || x.table - y.table || compare(x.id, y.id));
}
