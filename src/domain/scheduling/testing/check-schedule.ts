import type { Instance, Meeting, Schedule } from '../types.ts';

/**
 * Recomputes from the instance alone, independently of the solver's model: each participant's
 * cap (the definition), the fairness and weight of a set of meetings, and every
 * constraint the meetings break.
 */
export function auditSchedule(
  instance: Instance,
  meetings: readonly Meeting[],
  history: readonly Meeting[] = [],
) {
  const problems: string[] = [];
  const all = [...instance.left, ...instance.right];
  const rounds = Array.from({ length: instance.rounds }, (_, i) => i + 1);
  const present = new Map(all.map((p) => [p.id, new Set(p.present ?? rounds)]));
  const leftIds = new Set(instance.left.map((p) => p.id));
  const weight = new Map<string, number>();
  for (const w of instance.weights)
    weight.set(`${w.a}|${w.b}`, Math.max(weight.get(`${w.a}|${w.b}`) ?? 0, w.w));
  const forbidden = new Set((instance.forbidden ?? []).map((f) => `${f.a}|${f.b}`));
  const heldPairs = new Set(history.map((m) => `${m.a}|${m.b}`));

  const isAllowed = (a: string, b: string): boolean => weight.has(`${a}|${b}`) && !forbidden.has(`${a}|${b}`);
  const shares = (a: string, b: string): boolean => [...present.get(a)!].some((r) => present.get(b)!.has(r));
  const cap = new Map<string, number>();
  for (const p of all) {
    const isLeft = leftIds.has(p.id);
    const partners = (isLeft ? instance.right : instance.left).filter((q) => {
      const [a, b] = isLeft ? [p.id, q.id] : [q.id, p.id];
      return isAllowed(a, b) && shares(a, b);
    }).length;
    cap.set(p.id, Math.min(p.max ?? Infinity, present.get(p.id)!.size, partners));
  }

  const count = new Map(all.map((p) => [p.id, 0]));
  const seat = new Set<string>();
  const pairs = new Set<string>();
  const perRound = new Map<number, number>();
  let total = 0;
  for (const m of meetings) {
    const where = `${m.a}–${m.b} round ${m.round} table ${m.table}`;
    if (!leftIds.has(m.a) || !present.has(m.b) || leftIds.has(m.b))
      problems.push(`${where}: not a left–right pair`);
    if (m.round < 1 || m.round > instance.rounds) problems.push(`${where}: round out of range`);
    if (m.table < 1 || m.table > instance.tables) problems.push(`${where}: table out of range`);
    const held =
      heldPairs.has(`${m.a}|${m.b}`) &&
      history.some((h) => h.a === m.a && h.b === m.b && h.round === m.round);
    if (!held && !isAllowed(m.a, m.b)) problems.push(`${where}: pair not allowed`);
    if (!held && (!present.get(m.a)?.has(m.round) || !present.get(m.b)?.has(m.round)))
      problems.push(`${where}: absent`);
    if (pairs.has(`${m.a}|${m.b}`)) problems.push(`${where}: pair meets twice`);
    pairs.add(`${m.a}|${m.b}`);
    for (const key of [`${m.a}@${m.round}`, `${m.b}@${m.round}`, `#${m.table}@${m.round}`]) {
      if (seat.has(key)) problems.push(`${where}: ${key} used twice`);
      seat.add(key);
    }
    perRound.set(m.round, (perRound.get(m.round) ?? 0) + 1);
    count.set(m.a, (count.get(m.a) ?? 0) + 1);
    count.set(m.b, (count.get(m.b) ?? 0) + 1);
    total += weight.get(`${m.a}|${m.b}`) ?? 0;
  }
  for (const [round, n] of perRound)
    if (n > instance.tables) problems.push(`round ${round}: ${n} > T meetings`);
  for (const p of all)
    if (p.max !== undefined && count.get(p.id)! > p.max) problems.push(`${p.id}: above its max`);

  let fairness = Infinity;
  let largestCap = 0;
  for (const p of all) {
    largestCap = Math.max(largestCap, cap.get(p.id)!);
    if (count.get(p.id)! < cap.get(p.id)!) fairness = Math.min(fairness, count.get(p.id)!);
  }
  return { problems, weight: total, fairness: fairness === Infinity ? largestCap : fairness, cap, count };
}

/** Shorthand for tests: the audit of a schedule's own meetings. */
export const audit = (instance: Instance, schedule: Schedule) => auditSchedule(instance, schedule.meetings);

/** `must` pairs met (a pair listed twice counts once). */
export function mustsMet(instance: Instance, meetings: readonly Meeting[]): number {
  const met = new Set(meetings.map((m) => `${m.a}|${m.b}`));
  return new Set(
    instance.weights.filter((w) => w.wish === 'must' && met.has(`${w.a}|${w.b}`)).map((w) => `${w.a}|${w.b}`),
  ).size;
}
