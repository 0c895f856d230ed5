import { lowerBounds } from './b-matching.ts';
import { edgeOrder } from './edge-order.ts';
import type { Model } from './model.ts';
import { RoundBoard } from './round-board.ts';
import { resolveRound } from './round-resolve.ts';
import { seededRandom } from './seeded-random.ts';

/** Work allowed to the local search, counted in attempted moves so the result stays deterministic. */
const MOVE_BUDGET_PER_EDGE = 4;
const PASSES = 3;
const RUIN_BUDGET_PER_EDGE = 60;
/**
 * Re-planning happens live, between two rounds: one pass of insertions and no ruin and recreate
 * (at 0.5 moves per pair it gained 0.0025 % of the weight on 32 re-planned events of 100 to 150
 * per side, for 15–20 ms of a first call's 115 ms of CPU).
 */
const PASSES_LIVE = 1;
const RUIN_BUDGET_MAX = 300_000;
/** Re-planned events up to this many edges × rounds get the full search all the same. */
const LIVE_FULL_SEARCH_LIMIT = 1000;
/** Within this share of the bound the search stops: the last 0.001 % is not worth seconds. */
const GOOD_ENOUGH = 1e-5;
const SEED = 0x5eed;
/** Rounds are re-planned exactly (one small flow each) while edges × rounds stays below this. */
const ROUND_SOLVE_LIMIT = 60_000;
const MAX_SWEEPS = 20;
/** Up to this many edges, insertions also refill the ends of what they eject, and are not pruned. */
const DEEP_LIMIT = 400;

/**
 * Presence windows make the rounds a list edge colouring (NP-hard), so the flow's meetings are
 * placed greedily, hardest first, with alternating-path swaps, then a local search inserts
 * meetings (ejecting at most a few others) while it lowers the fairness deficit or, at equal
 * deficit, places more `must` pairs or, at equal number, raises the weight. `seedOnly`: the
 * exact search follows and the schedule only seeds it, so ruin and recreate is skipped (the round
 * repair's sub-problems, where it was half the time and found nothing the exact search missed).
 */
export function scheduleWithWindows(
  model: Model,
  chosen: Uint8Array,
  fairness: number,
  ceiling: number,
  preferred?: Int32Array,
  seedOnly = false,
): RoundBoard {
  const order = edgeOrder(model);
  const { byWeight, incident } = order;
  const board = new RoundBoard(model, lowerBounds(model, fairness), order, preferred);
  const edges = model.edgeLeft.length;
  const mustCeiling = placeChosen(board, chosen, preferred);

  // NOTE: small events get the stronger moves (exact rounds, deeper chains). Re-planning is live and
  // gets a lighter search, except for the smallest events, where the full one costs little and
  // seeds the exact search (exact-windows.ts) better.
  const live = preferred !== undefined && edges * board.colours > LIVE_FULL_SEARCH_LIMIT;
  const sweeps = !live && edges * board.colours <= ROUND_SOLVE_LIMIT;
  const deep = !live && edges <= DEEP_LIMIT;
  const random = seededRandom(SEED);
  let budget = MOVE_BUDGET_PER_EDGE * edges + 1000;
  for (
    let pass = 0;
    pass < (live ? PASSES_LIVE : PASSES) && budget > 0 && !isOptimal(board, mustCeiling, ceiling);
    pass++
  ) {
    let improved = false;
    if (board.deficit > 0) {
      for (let x = 0; x < model.vertexCount && budget > 0; x++) {
        for (const e of incident[x]!) {
          if (board.count[x]! >= board.lower[x]!) break;
          if (board.colour[e]! >= 0) continue;
          budget--;
          if (insert(board, e, incident, deep)) improved = true;
        }
      }
    }
    for (let i = 0; i < byWeight.length && budget > 0; i++) {
      const e = byWeight[i]!;
      if (board.colour[e]! >= 0) continue;
      if (!deep && nothingLeftFrom(board, e)) {
        budget -= unplacedFrom(board, byWeight, i);
        break;
      }
      budget--;
      if (insert(board, e, incident, deep)) improved = true;
    }
    board.commit();
    if (!improved) break;
  }
  if (sweeps) sweepRounds(board, mustCeiling, ceiling);
  if (!live && !seedOnly && !isOptimal(board, mustCeiling, ceiling)) {
    ruinAndRecreate(
      board,
      incident,
      random,
      Math.min(RUIN_BUDGET_MAX, RUIN_BUDGET_PER_EDGE * edges + 2000),
      mustCeiling,
      ceiling,
      deep,
      deep,
    );
  }
  if (sweeps) sweepRounds(board, mustCeiling, ceiling);
  return board;
}

/**
 * Places the flow's meetings: `must` pairs first, then those that may keep their previous round,
 * then the hardest (fewest rounds open to them), then the heaviest. Returns how many are `must`
 * pairs.
 */
function placeChosen(board: RoundBoard, chosen: Uint8Array, preferred?: Int32Array): number {
  const model = board.model;
  const initial: number[] = [];
  // NOTE: one small key per meeting and a comparator of array reads: this sort runs before V8 has
  // optimised anything, and closures called in every comparison made it cost several ms.
  const key = new Int32Array(chosen.length);
  let musts = 0;
  for (let e = 0; e < chosen.length; e++) {
    if (!chosen[e]) continue;
    initial.push(e);
    const must = model.edgeWish[e] === 'must' ? 1 : 0;
    const keeps = preferred !== undefined && preferred[e]! >= 0 ? 1 : 0;
    let options = 0;
    for (let c = 0; c < board.colours; c++) if (board.allowed(e, c)) options++;
    key[e] = ((1 - must) * 2 + 1 - keeps) * (board.colours + 1) + options;
    musts += must;
  }
  const weight = model.edgeWeight;
  initial.sort((x, y) => key[x]! - key[y]! || weight[y]! - weight[x]! || x - y);
  for (const e of initial) if (board.hasRoom(e)) board.place(e, preferred?.[e] ?? -1);
  board.commit();
  return musts;
}

/** Plans each round again exactly, the others fixed, until no round improves (see `resolveRound`). */
function sweepRounds(board: RoundBoard, mustCeiling: number, ceiling: number): void {
  for (let sweep = 0; sweep < MAX_SWEEPS && !isOptimal(board, mustCeiling, ceiling); sweep++) {
    let improved = false;
    for (let c = 0; c < board.colours; c++) if (resolveRound(board, c)) improved = true;
    board.commit();
    if (!improved) break;
  }
}

/**
 * Iterated local search: frees part of one participant's agenda at random, lets `insert` refill
 * it and its former partners, and keeps the result unless it is worse (sideways moves let the
 * search leave plateaus). The seed is fixed: same instance, same schedule.
 */
function ruinAndRecreate(
  board: RoundBoard,
  incident: readonly (readonly number[])[],
  random: () => number,
  budget: number,
  mustCeiling: number,
  ceiling: number,
  exactRounds: boolean,
  deep: boolean,
): void {
  const model = board.model;
  const touched: number[] = [];
  const freed: number[] = [];
  while (budget > 0 && !isOptimal(board, mustCeiling, ceiling)) {
    const x = Math.floor(random() * model.vertexCount);
    budget--;
    if (board.count[x] === 0 && board.count[x]! >= board.lower[x]!) continue;
    const deficit = board.deficit;
    const musts = board.musts;
    const weight = board.weight;
    const stable = board.stable;
    const start = board.mark();
    touched.length = 0;
    touched.push(x);
    freed.length = 0;
    for (const e of incident[x]!) {
      if (board.colour[e]! < 0 || random() < 0.5) continue;
      freed.push(board.colour[e]!);
      board.unassign(e);
      touched.push(model.edgeLeft[e] === x ? model.edgeRight[e]! : model.edgeLeft[e]!);
    }
    for (const y of touched) {
      const edges = incident[y]!;
      for (let i = 0; i < edges.length; i++) {
        const e = edges[i]!;
        if (board.colour[e]! >= 0) continue;
        if (!deep && nothingLeftFrom(board, e)) {
          budget -= unplacedFrom(board, edges, i);
          break;
        }
        budget--;
        insert(board, e, incident, deep);
      }
    }
    // NOTE: on small events the freed rounds are also planned again exactly, the others fixed.
    if (exactRounds) {
      for (const c of freed) {
        budget -= 10;
        resolveRound(board, c);
      }
    }
    if (gain(board, deficit, musts, weight, stable) >= 0) board.commit();
    else board.rollback(start);
  }
}

/**
 * `mustCeiling` and `ceiling` are the relaxation's `must` pairs and weight: reaching them with no
 * deficit is optimal, so the search stops (a plain function, not a closure: closures re-created
 * per call deoptimise hot loops).
 */
function isOptimal(board: RoundBoard, mustCeiling: number, ceiling: number): boolean {
  return (
    board.deficit === 0 &&
    board.musts >= mustCeiling &&
    board.weight >= ceiling - Math.max(1e-9, GOOD_ENOUGH * ceiling)
  );
}

/**
 * 1 when the board is better than the score given, −1 when worse, 0 when as good,
 * lexicographically: less fairness deficit, then more `must` pairs, then more weight, then more
 * meetings left where they were (numbers, not a score object: the search compares after every
 * move; a sign, not a difference, so that V8 sees small integers only and does not deoptimise).
 */
function gain(board: RoundBoard, deficit: number, musts: number, weight: number, stable: number): number {
  if (board.deficit !== deficit) return board.deficit < deficit ? 1 : -1;
  if (board.musts !== musts) return board.musts > musts ? 1 : -1;
  if (Math.abs(board.weight - weight) > 1e-9) return board.weight > weight ? 1 : -1;
  if (board.stable !== stable) return board.stable > stable ? 1 : -1;
  return 0;
}

/**
 * Inserts e, directly or by ejecting the meetings that block it in one round (and, for an end at
 * its cap, its lightest meeting); the ejected try another round. Kept only if it is better.
 */
function insert(
  board: RoundBoard,
  e: number,
  incident: readonly (readonly number[])[],
  deep = false,
): boolean {
  const model = board.model;
  const deficit = board.deficit;
  const musts = board.musts;
  const weight = board.weight;
  const stable = board.stable;
  const w = model.edgeWeight[e]!;
  // True once no round is free at both ends of e with a free table: every move below ejects.
  let blocked = true;
  // NOTE: with every round full no meeting fits directly, nor by swapping two rounds.
  if (!board.allFull() && board.hasRoom(e)) {
    const start = board.mark();
    if (board.place(e)) {
      if (gain(board, deficit, musts, weight, stable) > 0 || w === 0) return true;
      board.rollback(start);
      blocked = false;
    }
  }
  const u = model.edgeLeft[e]!;
  const v = model.edgeRight[e]!;
  const uFull = board.count[u]! >= model.remainingCap[u]!;
  const vFull = board.count[v]! >= model.remainingCap[v]!;
  // NOTE: unless an end of e is below its lower bound, no move inserting e can lower the deficit
  // (ejected meetings that come back only restore it), and unless e is a `must` pair none can
  // place more of them: only weight, then stability, can gain.
  const weightOnly =
    board.count[u]! >= board.lower[u]! && board.count[v]! >= board.lower[v]! && model.edgeWish[e] !== 'must';
  const pruned = weightOnly && !deep;
  if (pruned && blocked && cannotGain(board, leastEjected(board, e, uFull, vFull), w)) return false;
  const uLightest = uFull ? board.lightestOf(u) : -1;
  const vLightest = vFull ? board.lightestOf(v) : -1;
  const blockers = BLOCKERS;
  for (let c = 0; c < board.colours; c++) {
    // NOTE: what a move must eject is checked first, before the move is built: most are too heavy.
    const least = board.leastEjectedIn(e, c);
    if (least < 0 || (pruned && cannotGain(board, least, w))) continue;
    let size = addBlocker(blockers, 0, board.at(u, c));
    size = addBlocker(blockers, size, board.at(v, c));
    if (board.load[c]! >= model.tables && size === 0) size = addBlocker(blockers, 0, board.lightestIn(c));
    if (uFull && board.at(u, c) < 0) size = addBlocker(blockers, size, uLightest);
    if (vFull && board.at(v, c) < 0) size = addBlocker(blockers, size, vLightest);
    let ejected = 0;
    for (let i = 0; i < size; i++) ejected += model.edgeWeight[blockers[i]!]!;
    if (pruned && (cannotGain(board, ejected, w) || strandsEnd(board, blockers[0]!, size, c, e))) continue;
    if (tryMove(board, e, c, size, incident, deep)) return true;
  }
  return false;
}

/**
 * Ejects the first `size` blockers, puts e in round c and lets the ejected find another round;
 * keeps the move if the board is better, else undoes it. Apart from `insert`, which runs far more
 * often: V8 compiles the small hot function sooner and cheaper.
 */
function tryMove(
  board: RoundBoard,
  e: number,
  c: number,
  size: number,
  incident: readonly (readonly number[])[],
  deep: boolean,
): boolean {
  const deficit = board.deficit;
  const musts = board.musts;
  const weight = board.weight;
  const stable = board.stable;
  const blockers = BLOCKERS;
  const start = board.mark();
  for (let i = 0; i < size; i++) board.unassign(blockers[i]!);
  if (board.hasRoom(e) && board.load[c]! < board.model.tables) {
    board.assign(e, c);
    for (let i = 0; i < size; i++) if (board.hasRoom(blockers[i]!)) board.place(blockers[i]!);
    if (deep) {
      const u = board.model.edgeLeft[e]!;
      const v = board.model.edgeRight[e]!;
      for (let i = 0; i < size; i++) refill(board, blockers[i]!, u, v, incident);
    }
    if (gain(board, deficit, musts, weight, stable) > 0) return true;
  }
  board.rollback(start);
  return false;
}

/**
 * True when no insertion of e, nor of any edge after it in the search's order (no heavier, and
 * not a `must` pair if e is not), can gain: no deficit is left, every round is full (each
 * insertion ejects a placed meeting) and e is no heavier than the least a move can eject and keep
 * (`RoundBoard.leastEjectable`). Loops over that order stop there; they count the edges skipped
 * as tried, so that the budgets still measure the same moves.
 */
function nothingLeftFrom(board: RoundBoard, e: number): boolean {
  return (
    board.deficit === 0 &&
    board.allFull() &&
    board.model.edgeWish[e] !== 'must' &&
    cannotGain(board, board.leastEjectable(), board.model.edgeWeight[e]!)
  );
}

/** Unplaced edges among edges[from..]. */
function unplacedFrom(board: RoundBoard, edges: ArrayLike<number>, from: number): number {
  let unplaced = 0;
  for (let i = from; i < edges.length; i++) if (board.colour[edges[i]!]! < 0) unplaced++;
  return unplaced;
}

/**
 * A move that only trades weight (and stability) gains nothing when what it ejects weighs more
 * than e (re-planning: a tie may still keep a meeting in place), or as much (otherwise).
 */
function cannotGain(board: RoundBoard, ejected: number, w: number): boolean {
  return board.preferred ? ejected > w : ejected >= w;
}

/**
 * With every round full, a move that ejects one meeting f of round c to put e there leaves them
 * all full, so f finds no other round: if an end of f that is not an end of e is at or below its
 * lower bound, the deficit rises and the move would be undone (most weight-only moves tried were).
 */
function strandsEnd(board: RoundBoard, f: number, size: number, c: number, e: number): boolean {
  if (size !== 1 || board.colour[f] !== c || !board.allFull()) return false;
  const model = board.model;
  return starved(board, model.edgeLeft[f]!, e) || starved(board, model.edgeRight[f]!, e);
}

/** x is not an end of e, and one meeting fewer would leave it below its lower bound. */
function starved(board: RoundBoard, x: number, e: number): boolean {
  return (
    x !== board.model.edgeLeft[e] && x !== board.model.edgeRight[e] && board.count[x]! <= board.lower[x]!
  );
}

/**
 * A lower bound on the weight any insertion of e ejects in any round and keeps, when none is free
 * at both ends: each move ejects at least one placed meeting (so at least the lightest of all, and
 * with every round full see `RoundBoard.leastEjectable`), and for each end at its cap one of its
 * meetings (as the search ranks them, at least its lightest).
 */
function leastEjected(board: RoundBoard, e: number, uFull: boolean, vFull: boolean): number {
  const weights = board.model.edgeWeight;
  const u = uFull ? board.lightestOf(board.model.edgeLeft[e]!) : -1;
  const v = vFull ? board.lightestOf(board.model.edgeRight[e]!) : -1;
  const anywhere = board.allFull() ? board.leastEjectable() : board.lightestWeight();
  return Math.max(u < 0 ? 0 : weights[u]!, v < 0 ? 0 : weights[v]!, anywhere);
}

/**
 * An ejection chain of one more link, for small events: when the ejected meeting f found no other
 * round, each of its ends (other than u and v) takes its heaviest meeting that fits directly.
 */
function refill(
  board: RoundBoard,
  f: number,
  u: number,
  v: number,
  incident: readonly (readonly number[])[],
): void {
  if (board.colour[f]! >= 0) return;
  for (const y of [board.model.edgeLeft[f]!, board.model.edgeRight[f]!]) {
    if (y === u || y === v) continue;
    for (const g of incident[y]!) {
      if (board.colour[g]! < 0 && board.hasRoom(g) && board.place(g)) break;
    }
  }
}

/** Scratch space for the (at most five) meetings an insertion ejects. */
const BLOCKERS = new Int32Array(5);

/** Adds f (unless −1 or already there) to the first `size` blockers; returns the new size. */
function addBlocker(blockers: Int32Array, size: number, f: number): number {
  if (f < 0) return size;
  for (let i = 0; i < size; i++) if (blockers[i] === f) return size;
  blockers[size] = f;
  return size + 1;
}
