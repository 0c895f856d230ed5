import { meetingId } from './meeting-id.ts';
import type { Meeting } from './types.ts';

export interface PlacedPair {
  readonly a: string;
  readonly b: string;
  readonly round: number;
  readonly weight: number;
}

/**
 * Numbers the tables of each round from 1. A pair that sat at a table in the same round of the
 * previous plan keeps it; the others take the lowest free numbers, heaviest meeting first.
 */
export function assignTables(
  pairs: readonly PlacedPair[],
  tables: number,
  previous: ReadonlyMap<string, Meeting> = new Map(),
): Meeting[] {
  const byRound = new Map<number, PlacedPair[]>();
  for (const p of pairs) {
    const list = byRound.get(p.round) ?? [];
    list.push(p);
    byRound.set(p.round, list);
  }
  const meetings: Meeting[] = [];
  for (const [round, list] of [...byRound].sort((x, y) => x[0] - y[0])) {
    const taken = new Set<number>();
    const waiting: { p: PlacedPair; id: string }[] = [];
    const ordered = [...list].sort((x, y) => y.weight - x.weight || compare(x.a, y.a) || compare(x.b, y.b));
    for (const p of ordered) {
      const id = meetingId(p.a, p.b);
      const before = previous.get(id);
      if (before && before.round === round && before.table <= tables && !taken.has(before.table)) {
        taken.add(before.table);
        meetings.push({ id, round, table: before.table, a: p.a, b: p.b });
      } else {
        waiting.push({ p, id });
      }
    }
    let table = 1;
    for (const { p, id } of waiting) {
      while (taken.has(table)) table++;
      taken.add(table);
      meetings.push({ id, round, table, a: p.a, b: p.b });
    }
  }
  return sortMeetings(meetings);
}

export const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

export function sortMeetings(meetings: Meeting[]): Meeting[] {
  return meetings.sort((x, y) => x.round - y.round || x.table - y.table || compare(x.id, y.id));
}
