import { boundedMatching } from './bounded-matching.ts';
import type { RoundBoard } from './round-board.ts';

/**
 * A large-neighbourhood move for presence windows: all rounds but c stay as they are, and round c
 * is planned again exactly, as a maximum-value matching of at most T pairs among those present in
 * c, not met in another round and below their cap. Values are lexicographic, as the local search's
 * score: each end brought up towards its lower bound first, then `must` pairs, then weight.
 * Returns true when the board got better (then the move is kept; otherwise it is undone).
 */
export function resolveRound(board: RoundBoard, c: number): boolean {
  const model = board.model;
  const n = model.vertexCount;
  const before = { deficit: board.deficit, musts: board.musts, weight: board.weight };
  const start = board.mark();
  for (const e of [...board.meetingsIn(c)]) board.unassign(e);

  const candidates: number[] = [];
  for (let e = 0; e < model.edgeLeft.length; e++) {
    if (board.colour[e]! >= 0 || !board.allowed(e, c) || !board.hasRoom(e)) continue;
    const u = model.edgeLeft[e]!;
    const v = model.edgeRight[e]!;
    if (board.at(u, c) < 0 && board.at(v, c) < 0) candidates.push(e);
  }
  let maxProfit = 0;
  for (const e of candidates) maxProfit = Math.max(maxProfit, model.profit[e]!);
  // NOTE: integer values keep the flow exact: weight < must bonus < deficit bonus.
  const most = Math.min(model.tables, n);
  const mustBonus = most * (maxProfit + 1) + 1;
  const deficitBonus = most * (maxProfit + 1 + mustBonus) + 1;
  if (!model.profitIsInteger || 2 * deficitBonus * (most + 1) * (n + 3) > 2 ** 50) {
    board.rollback(start);
    return false;
  }
  const below = (x: number): number => (board.count[x]! < board.lower[x]! ? 1 : 0);
  const u = Int32Array.from(candidates, (e) => model.edgeLeft[e]!);
  const v = Int32Array.from(candidates, (e) => model.edgeRight[e]!);
  const value = Float64Array.from(candidates, (e, k) => {
    const isMust = model.edgeWish[e] === 'must' ? 1 : 0;
    return model.profit[e]! + isMust * mustBonus + (below(u[k]!) + below(v[k]!)) * deficitBonus;
  });
  const chosen = boundedMatching(n, model.leftCount, { u, v, value }, model.tables);
  candidates.forEach((e, k) => {
    if (chosen[k]) board.assign(e, c);
  });
  const better =
    board.deficit !== before.deficit
      ? board.deficit < before.deficit
      : board.musts !== before.musts
        ? board.musts > before.musts
        : board.weight > before.weight + 1e-9;
  if (better) return true;
  board.rollback(start);
  return false;
}
