import { isPresent, pairKey, type Model } from './model.ts';
import type { Meeting, Unmet, UnmetCode, Wish } from './types.ts';

interface Context {
  readonly model: Model;
  readonly meetings: readonly Meeting[];
  readonly fairness: number;
}

const list = (names: readonly string[]): string => (names.length ? names.join(', ') : 'personne');
const listEn = (names: readonly string[]): string => (names.length ? names.join(', ') : 'nobody');

/**
 * Says, for every pair marked `must` or `wish` that does not meet, the first reason that applies,
 * in the order a facilitator would check: a rule, the calendar, a side's own limits, fairness,
 * tables, then the trade-off of weights.
 */
export function explainUnmet(ctx: Context): Unmet[] {
  const { model } = ctx;
  const n = model.vertexCount;
  if (!model.instance.weights.some((w) => w.wish)) return [];
  const partners: string[][] = Array.from({ length: n }, () => []);
  const busy = new Set<number>();
  const load = new Map<number, number>();
  const met = new Set<number>();
  for (const m of ctx.meetings) {
    const u = model.indexOf.get(m.a);
    const v = model.indexOf.get(m.b);
    if (u === undefined || v === undefined) continue;
    partners[u]!.push(m.b);
    partners[v]!.push(m.a);
    busy.add(u * (model.rounds + 1) + m.round);
    busy.add(v * (model.rounds + 1) + m.round);
    load.set(m.round, (load.get(m.round) ?? 0) + 1);
    met.add(pairKey(n, u, v));
  }
  const marks = new Map<number, { a: string; b: string; wish: Wish }>();
  for (const w of model.instance.weights) {
    if (!w.wish) continue;
    const u = model.indexOf.get(w.a);
    const v = model.indexOf.get(w.b);
    if (u === undefined || v === undefined) continue;
    const k = pairKey(n, u, v);
    const seen = marks.get(k);
    if (!seen || (w.wish === 'must' && seen.wish !== 'must')) marks.set(k, { a: w.a, b: w.b, wish: w.wish });
  }

  const people = model.instance.left.concat(model.instance.right);
  const weightOf = new Map<number, number>();
  for (const w of model.instance.weights) {
    const u = model.indexOf.get(w.a);
    const v = model.indexOf.get(w.b);
    if (u === undefined || v === undefined) continue;
    const k = pairKey(n, u, v);
    weightOf.set(k, Math.max(w.w, weightOf.get(k) ?? 0));
  }
  const unmet: Unmet[] = [];
  for (const [k, mark] of marks) {
    if (met.has(k)) continue;
    const u = Math.floor(k / n);
    const v = k % n;
    const common: number[] = [];
    for (let r = 1; r <= model.rounds; r++)
      if (isPresent(model, u, r) && isPresent(model, v, r)) common.push(r);
    const ahead = common.filter((r) => r >= model.fromRound);
    const full = (x: number): 'max' | 'agenda' | undefined => {
      const own = people[x]!.max;
      if (own !== undefined && partners[x]!.length >= own) return 'max';
      let attended = 0;
      for (let r = 1; r <= model.rounds; r++) if (isPresent(model, x, r)) attended++;
      return partners[x]!.length >= attended ? 'agenda' : undefined;
    };
    const say = (code: UnmetCode, fr: string, en: string, instead?: readonly string[]): void => {
      unmet.push({
        a: mark.a,
        b: mark.b,
        wish: mark.wish,
        code,
        reason: fr,
        reasonEn: en,
        ...(instead ? { instead } : {}),
      });
    };
    const { a, b } = mark;
    if (model.forbiddenPairs.has(k)) {
      say(
        'forbidden',
        `Les organisateurs ont exclu la rencontre entre ${a} et ${b}.`,
        `The organisers ruled out ${a} meeting ${b}.`,
      );
      continue;
    }
    if (ahead.length === 0) {
      const fr =
        common.length === 0
          ? `${a} et ${b} ne sont jamais présents au même tour.`
          : `${a} et ${b} ne sont plus présents ensemble à aucun tour restant.`;
      say('never_present_together', fr, `${a} and ${b} are never present in the same round.`);
      continue;
    }
    // Fairness: a full side meets someone lighter than this pair, who stood at the fairness floor.
    const pairWeight = weightOf.get(k) ?? 0;
    const needyOf = (x: number): string[] =>
      partners[x]!.filter((id) => {
        const p = model.indexOf.get(id)!;
        const pw = weightOf.get(x < model.leftCount ? pairKey(n, x, p) : pairKey(n, p, x)) ?? 0;
        return partners[p]!.length <= ctx.fairness && pw < pairWeight;
      });
    const fairSide = ctx.fairness > 0 ? [u, v].find((x) => full(x) && needyOf(x).length > 0) : undefined;
    if (fairSide !== undefined) {
      const named = needyOf(fairSide);
      const who = model.ids[fairSide]!;
      say(
        'fairness',
        `Pour garantir au moins ${ctx.fairness} rencontre(s) à chacun, ${who} rencontre plutôt ${list(named)}, qui sans cela en ${named.length > 1 ? 'auraient' : 'aurait'} eu moins.`,
        `To guarantee everyone at least ${ctx.fairness} meeting(s), ${who} meets ${listEn(named)} instead, who would otherwise have had fewer.`,
        named,
      );
      continue;
    }
    const sideFull = ([u, v] as const).map((x) => [x, full(x)] as const).find(([, why]) => why);
    if (sideFull) {
      const [x, why] = sideFull;
      const name = model.ids[x]!;
      const others = partners[x]!;
      if (why === 'max' && others.length === 0) {
        say(
          'at_maximum',
          `${name} ne souhaite aucune rencontre (maximum 0).`,
          `${name} asked for no meetings (maximum 0).`,
          [],
        );
      } else if (why === 'max') {
        say(
          'at_maximum',
          `${name} a atteint son maximum de ${others.length} rencontre(s) ; il ou elle rencontre ${list(others)}.`,
          `${name} reached its maximum of ${others.length} meeting(s); it meets ${listEn(others)} instead.`,
          others,
        );
      } else {
        say(
          'agenda_full',
          `${name} a une rencontre à chacun de ses tours de présence (${list(others)}).`,
          `${name} has a meeting in every round it attends (${listEn(others)}).`,
          others,
        );
      }
      continue;
    }
    if (ahead.every((r) => (load.get(r) ?? 0) >= model.tables)) {
      say(
        'table_limit',
        `Toutes les tables sont occupées aux tours où ${a} et ${b} sont présents ensemble.`,
        `Every table is taken in the rounds where ${a} and ${b} are both present.`,
      );
      continue;
    }
    const stride = model.rounds + 1;
    if (ahead.every((r) => busy.has(u * stride + r) || busy.has(v * stride + r))) {
      say(
        'no_common_free_round',
        `${a} et ${b} n'ont aucun tour libre en commun : leurs autres rencontres pèsent plus lourd.`,
        `${a} and ${b} have no free round in common: their other meetings weigh more.`,
      );
      continue;
    }
    say(
      'weight_tradeoff',
      `Les autres rencontres de ${a} et de ${b} ont été jugées plus utiles au total.`,
      `The other meetings of ${a} and ${b} were worth more in total.`,
    );
  }
  return unmet.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}
