import { lowerBounds } from './b-matching.ts';
import type { Model } from './model.ts';
import { isPresent } from './model.ts';
import { minCostFlow, scratchNetwork } from './network-simplex.ts';

/** Events up to this size are searched exactly: edges × planned rounds. */
export const EXACT_SIZE_LIMIT = 1000;
/** Rounds are bits of an int32 mask. */
const EXACT_ROUNDS_LIMIT = 30;
/**
 * Work allowed to one call, counted as the arcs of every flow solved plus a sixteenth of edges +
 * participants × rounds per node visited (a node whose parent's relaxed solution still fits
 * solves no flow). Deterministic, unlike a time limit; 50,000 units take ≈ 30 ms of CPU once
 * compiled, so a call that exhausts it takes ≈ 120 ms. A quarter of that left some 6×5 events
 * with two tables 4 % short of the optimum, unproved (found by the property test below); the
 * events concerned are small, so a tenth of a second is a fair price for proving them.
 */
export const EXACT_WORK_BUDGET = 200_000;

export interface ExactResult {
  /** Round index of each edge, −1 when it does not meet. */
  readonly colour: Int32Array;
  readonly fairness: number;
  /** No schedule is fairer than `fairness` (every higher one was searched in full). */
  readonly fairnessProved: boolean;
  /** Besides, no schedule that fair is better: the search finished within its budget. */
  readonly proved: boolean;
  /** Flows solved, nodes visited and work counted (see EXACT_WORK_BUDGET). */
  readonly flows: number;
  readonly nodes: number;
  readonly work: number;
}

/** True when `exactWindows` may run on this model: small enough, integer weights. */
export function exactApplies(model: Model, sizeLimit = EXACT_SIZE_LIMIT): boolean {
  const edges = model.edgeLeft.length;
  const rounds = model.planRounds;
  if (!model.profitIsInteger || rounds > EXACT_ROUNDS_LIMIT || edges * rounds > sizeLimit) return false;
  // NOTE: the lexicographic values (see Search) and the flows' sums of them stay exact integers.
  let profitSum = 0;
  for (let e = 0; e < edges; e++) profitSum += model.profit[e]!;
  const largestValue = 2 * (profitSum + 1) * (edges + 1);
  const nodes = model.vertexCount * (rounds + 1) + edges + rounds + 2;
  return largestValue * (nodes + 1) * (edges + 2) < 2 ** 50;
}

/**
 * Branch and bound for small events with presence windows, seeded with a schedule (`incumbent`,
 * of fairness `fairness`). Fairness first: for each m from `top` (the relaxation's fairness)
 * down to `fairness` + 1 it looks for a schedule that fair, and stops at the first found; at the
 * fairness kept, it then maximises the `must` pairs met, then the weight, then (re-planning) the
 * meetings left in their previous round. Decisions go round by round, left participant by left
 * participant: a partner or none. Bounds: see `Search`. Returns the incumbent unchanged unless
 * something strictly better is found; the budget (`EXACT_WORK_BUDGET`) is shared by all levels.
 */
export function exactWindows(
  model: Model,
  incumbent: Int32Array,
  fairness: number,
  top: number,
  preferred?: Int32Array,
  budget = EXACT_WORK_BUDGET,
): ExactResult {
  const search = new Search(model, preferred);
  let fairnessProved = true;
  // NOTE: the fairer levels get half the budget at most, so that a level that cannot be decided
  // leaves room to improve the weight at the fairness reached.
  search.budget = budget / 2;
  for (let m = top; m > fairness; m--) {
    const lower = lowerBounds(model, m);
    const fairer = search.run(lower, undefined);
    if (fairer) {
      search.budget = budget;
      const better = search.run(lower, fairer);
      const proved = fairnessProved && search.finished;
      return {
        ...search.usage(),
        colour: search.finish(better ?? fairer),
        fairness: m,
        fairnessProved,
        proved,
      };
    }
    if (!search.finished) {
      fairnessProved = false;
      break;
    }
  }
  search.budget = budget;
  const found = search.run(lowerBounds(model, fairness), incumbent);
  return {
    ...search.usage(),
    colour: found ? search.finish(found) : incumbent,
    fairness,
    fairnessProved,
    proved: fairnessProved && search.finished,
  };
}

const popcount = (x: number): number => {
  let n = 0;
  for (let y = x; y !== 0; y &= y - 1) n++;
  return n;
};

class Search {
  private readonly n: number;
  private readonly edges: number;
  private readonly rounds: number;
  private readonly tables: number;
  /** Rounds (bit c) in which both ends of each edge attend. */
  private readonly listMask: Int32Array;
  /** Value of each edge: its profit, plus a bonus above any total of profits for `must` pairs. */
  private readonly value: Float64Array;
  private readonly preferred: Int32Array | undefined;
  /** Left participants, with their edges, taking decisions in each round. */
  private readonly deciders: Int32Array[];
  private readonly edgesOfLeft: Int32Array[];
  private readonly futureMask: Int32Array;
  /** Most meetings round c can hold: min(T, attending left, attending right). */
  private readonly roundCap: Int32Array;

  private lower: Int32Array = new Int32Array(0);
  private readonly count: Int32Array;
  private readonly busy: Int32Array;
  private readonly load: Int32Array;
  private readonly colour: Int32Array;
  private best = -1;
  private bestColour: Int32Array | undefined;
  private flows = 0;
  private work = 0;
  private nodes = 0;
  finished = true;
  /** A node scans edges and participants × rounds: about a sixteenth of a flow's cost per arc. */
  private readonly nodeWork: number;
  /** Work after which the search stops (counted over all its runs). */
  budget = EXACT_WORK_BUDGET;

  // Scratch for the bound.
  private readonly slots: Int32Array;
  private readonly residual: Int32Array;
  private readonly deficit: Int32Array;
  /** Rounds still open to each edge at the node (0: not available). */
  private readonly available: Int32Array;
  private readonly slotNode: Int32Array;
  private readonly roundTables: Int32Array;
  private readonly degree: Int32Array;

  constructor(
    private readonly model: Model,
    preferred?: Int32Array,
  ) {
    const n = model.vertexCount;
    const edges = model.edgeLeft.length;
    const rounds = model.planRounds;
    this.n = n;
    this.edges = edges;
    this.nodeWork = Math.ceil((edges + n * rounds) / 16);
    this.rounds = rounds;
    this.tables = model.tables;
    this.preferred = preferred;
    this.listMask = new Int32Array(edges);
    for (let e = 0; e < edges; e++) {
      for (let c = 0; c < rounds; c++) {
        const r = model.fromRound + c;
        if (isPresent(model, model.edgeLeft[e]!, r) && isPresent(model, model.edgeRight[e]!, r))
          this.listMask[e]! |= 1 << c;
      }
    }
    // NOTE: lexicographic values as integers: weight < `must` pairs. Stability (re-planning) is
    // left out: as a last objective its loose bound made proofs far longer (see `settle`).
    let profitSum = 0;
    for (let e = 0; e < edges; e++) profitSum += model.profit[e]!;
    const mustBonus = profitSum + 1;
    this.value = new Float64Array(edges);
    for (let e = 0; e < edges; e++)
      this.value[e] = model.profit[e]! + (model.edgeWish[e] === 'must' ? mustBonus : 0);
    this.edgesOfLeft = Array.from({ length: model.leftCount }, () => new Int32Array(0));
    const byLeft: number[][] = Array.from({ length: model.leftCount }, () => []);
    for (let e = 0; e < edges; e++) byLeft[model.edgeLeft[e]!]!.push(e);
    byLeft.forEach((list, u) => {
      list.sort((x, y) => this.value[y]! - this.value[x]! || x - y);
      this.edgesOfLeft[u] = Int32Array.from(list);
    });
    this.deciders = [];
    this.futureMask = new Int32Array(rounds + 1);
    this.roundCap = new Int32Array(rounds);
    for (let c = 0; c < rounds; c++) {
      const here: number[] = [];
      const rightHere = new Set<number>();
      for (let u = 0; u < model.leftCount; u++) {
        let any = false;
        for (const e of this.edgesOfLeft[u]!) {
          if ((this.listMask[e]! >> c) & 1) {
            any = true;
            rightHere.add(model.edgeRight[e]!);
          }
        }
        if (any) here.push(u);
      }
      this.deciders.push(Int32Array.from(here));
      this.roundCap[c] = Math.min(this.tables, here.length, rightHere.size);
    }
    for (let c = rounds - 1; c >= 0; c--) this.futureMask[c] = this.futureMask[c + 1]! | (1 << (c + 1));
    for (let c = 0; c < rounds; c++) this.futureMask[c]! &= (1 << rounds) - 1;
    this.count = new Int32Array(n);
    this.busy = new Int32Array(n * rounds).fill(-1);
    this.load = new Int32Array(rounds);
    this.colour = new Int32Array(edges).fill(-1);
    this.slots = new Int32Array(n);
    this.residual = new Int32Array(n);
    this.deficit = new Int32Array(n);
    this.available = new Int32Array(edges);
    this.slotNode = new Int32Array(n * rounds);
    this.roundTables = new Int32Array(rounds);
    this.degree = new Int32Array(n);
  }

  usage(): { flows: number; nodes: number; work: number } {
    return { flows: this.flows, nodes: this.nodes, work: this.work };
  }

  /**
   * Polishes a schedule the search found: when re-planning, meetings go back to their previous
   * round wherever it is free at both ends with a free table (the search ignores that last
   * objective); then every meeting that still fits is added, most valuable first, in its previous
   * round if possible (a search cut short by its budget may leave some).
   */
  finish(colour: Int32Array): Int32Array {
    const model = this.model;
    const k = this.rounds;
    const preferred = this.preferred;
    this.count.fill(0);
    this.busy.fill(-1);
    this.load.fill(0);
    for (let e = 0; e < this.edges; e++) if (colour[e]! >= 0) this.take(e, colour[e]!);
    for (let moved = true; moved && preferred;) {
      moved = false;
      for (let e = 0; e < this.edges; e++) {
        const c = colour[e]!;
        const p = preferred[e]!;
        if (c < 0 || p < 0 || p === c || !this.isFree(e, p)) continue;
        this.release(e, c);
        this.take(e, p);
        colour[e] = p;
        moved = true;
      }
    }
    const order = Array.from({ length: this.edges }, (_, e) => e).sort(
      (x, y) => this.value[y]! - this.value[x]! || x - y,
    );
    for (const e of order) {
      if (colour[e]! >= 0) continue;
      const u = model.edgeLeft[e]!;
      const v = model.edgeRight[e]!;
      if (this.count[u]! >= model.remainingCap[u]! || this.count[v]! >= model.remainingCap[v]!) continue;
      const wish = preferred?.[e] ?? -1;
      for (let step = -1; step < k; step++) {
        const c = step < 0 ? wish : step;
        if (c < 0 || !this.isFree(e, c)) continue;
        colour[e] = c;
        this.take(e, c);
        break;
      }
    }
    return colour;
  }

  /** Round c is open to e, free at both ends, with a free table. */
  private isFree(e: number, c: number): boolean {
    const k = this.rounds;
    return (
      ((this.listMask[e]! >> c) & 1) === 1 &&
      this.load[c]! < this.tables &&
      this.busy[this.model.edgeLeft[e]! * k + c]! < 0 &&
      this.busy[this.model.edgeRight[e]! * k + c]! < 0
    );
  }

  private release(e: number, c: number): void {
    const k = this.rounds;
    this.busy[this.model.edgeLeft[e]! * k + c] = -1;
    this.busy[this.model.edgeRight[e]! * k + c] = -1;
    this.count[this.model.edgeLeft[e]!]!--;
    this.count[this.model.edgeRight[e]!]!--;
    this.load[c]!--;
  }

  private take(e: number, c: number): void {
    const k = this.rounds;
    this.busy[this.model.edgeLeft[e]! * k + c] = e;
    this.busy[this.model.edgeRight[e]! * k + c] = e;
    this.count[this.model.edgeLeft[e]!]!++;
    this.count[this.model.edgeRight[e]!]!++;
    this.load[c]!++;
  }

  /**
   * Best schedule meeting the lower bounds, strictly better than `incumbent` when one is given;
   * undefined when none is found. `finished` tells whether the search was complete.
   */
  run(lower: Int32Array, incumbent: Int32Array | undefined): Int32Array | undefined {
    this.lower = lower;
    this.finished = true;
    this.bestColour = undefined;
    this.best = -1;
    if (incumbent) {
      this.best = 0;
      for (let e = 0; e < this.edges; e++) if (incumbent[e]! >= 0) this.best += this.value[e]!;
    }
    this.count.fill(0);
    this.busy.fill(-1);
    this.load.fill(0);
    this.colour.fill(-1);
    this.visit(0, 0, 0, undefined, 0);
    return this.bestColour && Int32Array.from(this.bestColour);
  }

  /**
   * Node: rounds before c decided, and the first i deciders of round c. `hint` is the parent's
   * relaxed solution without the meeting just decided, of value `hintValue`: when it still fits,
   * it is this node's relaxed optimum too (the relaxation only shrinks down the tree).
   */
  private visit(
    c: number,
    i: number,
    current: number,
    hint: Int32Array | undefined,
    hintValue: number,
  ): void {
    while (c < this.rounds && i >= this.deciders[c]!.length) {
      c++;
      i = 0;
    }
    this.nodes++;
    this.work += this.nodeWork;
    if (this.work >= this.budget) {
      this.finished = false;
      return;
    }
    const tablesLeft = this.residualProblem(c, i);
    if (tablesLeft < 0) return;
    const solved =
      hint && this.fits(hint, tablesLeft) ? { chosen: hint, value: hintValue } : this.relax(tablesLeft);
    if (!solved) return;
    const relaxed = solved.chosen;
    let relaxedValue = solved.value;
    if (current + relaxedValue <= this.best) return;
    // NOTE: the plain relaxation did not prune: the tighter ones are tried in turn, at the start
    // of each round only (a flow each, four to five times the plain one's arcs: everywhere they
    // prune more nodes but find less within the same budget).
    if (c < this.rounds && i === 0) {
      for (let kind = 0; kind < 4; kind++) {
        const leftOwns = kind % 2 === 0;
        const byRound = kind >= 2;
        if (byRound && !this.tablesBind(c, leftOwns)) continue;
        if (this.work >= this.budget) {
          this.finished = false;
          return;
        }
        const sided = this.relaxSided(tablesLeft, leftOwns, byRound);
        if (sided === undefined || current + sided <= this.best) return;
        if (sided < relaxedValue) relaxedValue = sided;
      }
    }
    // NOTE: every lower bound is met (no deficit left): the schedule so far is a candidate.
    if (this.noDeficit() && current > this.best) {
      this.best = current;
      this.bestColour = Int32Array.from(this.colour);
    }
    if (c >= this.rounds) return;

    const u = this.deciders[c]![i]!;
    const model = this.model;
    const inRelaxed = new Uint8Array(this.edges);
    for (let j = 0; j < relaxed.length; j++) inRelaxed[relaxed[j]!] = 1;
    const canMeet = this.count[u]! < model.remainingCap[u]! && this.load[c]! < this.tables;
    // NOTE: the relaxed solution's own choice for u first: it leads to good schedules early.
    const ordered = this.options(u, c, inRelaxed, canMeet);
    for (const e of ordered) {
      // NOTE: a child's bound is at most this node's, and the incumbent may have improved since.
      if (current + relaxedValue <= this.best) return;
      if (e < 0) {
        // u meets nobody in round c: the relaxed solution may still fit as it is.
        this.visit(c, i + 1, current, relaxed, relaxedValue);
      } else {
        this.colour[e] = c;
        this.take(e, c);
        // NOTE: the child's relaxation plus e fits in this one: its bound is at most this one's.
        const childHint = inRelaxed[e] ? without(relaxed, e) : undefined;
        this.visit(c, i + 1, current + this.value[e]!, childHint, relaxedValue - this.value[e]!);
        this.colour[e] = -1;
        this.release(e, c);
      }
      if (!this.finished) return;
    }
  }

  /** u's choices in round c: −1 for none; the relaxed solution's edges first, heaviest first. */
  private options(u: number, c: number, inRelaxed: Uint8Array, canMeet: boolean): number[] {
    const model = this.model;
    const k = this.rounds;
    const first: number[] = [];
    const rest: number[] = [];
    if (canMeet) {
      for (const e of this.edgesOfLeft[u]!) {
        if (this.colour[e]! >= 0 || !((this.listMask[e]! >> c) & 1)) continue;
        const v = model.edgeRight[e]!;
        if (this.busy[v * k + c]! >= 0 || this.count[v]! >= model.remainingCap[v]!) continue;
        (inRelaxed[e] ? first : rest).push(e);
      }
    }
    return [...first, -1, ...rest];
  }

  private noDeficit(): boolean {
    for (let x = 0; x < this.n; x++) if (this.count[x]! < this.lower[x]!) return false;
    return true;
  }

  /**
   * Fills `available`, `residual` and `deficit` for the node (c, i); returns the meetings the
   * remaining tables allow, or −1 when some lower bound can no longer be met.
   */
  private residualProblem(c: number, i: number): number {
    const model = this.model;
    const k = this.rounds;
    const n = this.n;
    this.slots.fill(0);
    const future = c < k ? this.futureMask[c]! : 0;
    const nowBit = c < k ? 1 << c : 0;
    for (let e = 0; e < this.edges; e++) {
      this.available[e] = 0;
      if (this.colour[e]! >= 0) continue;
      const u = model.edgeLeft[e]!;
      const v = model.edgeRight[e]!;
      if (this.count[u]! >= model.remainingCap[u]! || this.count[v]! >= model.remainingCap[v]!) continue;
      let mask = this.listMask[e]! & future;
      if (nowBit && this.listMask[e]! & nowBit && this.busy[u * k + c]! < 0 && this.busy[v * k + c]! < 0) {
        // NOTE: u may still meet in round c only if its turn has not come yet.
        if (this.turn(u, c) >= i) mask |= nowBit;
      }
      if (mask === 0) continue;
      this.available[e] = mask;
      this.slots[u]! |= mask;
      this.slots[v]! |= mask;
    }
    for (let x = 0; x < n; x++) {
      const r = Math.min(model.remainingCap[x]! - this.count[x]!, popcount(this.slots[x]!));
      const d = Math.max(0, this.lower[x]! - this.count[x]!);
      if (d > r) return -1;
      this.residual[x] = r;
      this.deficit[x] = d;
    }
    let tables = 0;
    for (let r = c; r < k; r++) {
      let left = 0;
      let right = 0;
      const bit = 1 << r;
      for (let x = 0; x < n; x++) {
        if (!(this.slots[x]! & bit)) continue;
        if (x < model.leftCount) left++;
        else right++;
      }
      const free = r === c ? this.tables - this.load[c]! : this.roundCap[r]!;
      this.roundTables[r] = Math.min(free, left, right);
      tables += this.roundTables[r]!;
    }
    return tables;
  }

  /** Some round from c on has fewer free tables than participants of one side who could meet. */
  private tablesBind(c: number, leftOwns: boolean): boolean {
    const model = this.model;
    for (let r = c; r < this.rounds; r++) {
      let owners = 0;
      for (let x = 0; x < this.n; x++)
        if (x < model.leftCount === leftOwns && (this.slots[x]! >> r) & 1) owners++;
      if (this.roundTables[r]! < owners) return true;
    }
    return false;
  }

  private turnCache: Int32Array | undefined;

  /** Position of left participant u among the deciders of round c (−1 if absent). */
  private turn(u: number, c: number): number {
    if (!this.turnCache) {
      this.turnCache = new Int32Array(this.model.leftCount * this.rounds).fill(-1);
      for (let r = 0; r < this.rounds; r++)
        this.deciders[r]!.forEach((x, j) => (this.turnCache![x * this.rounds + r] = j));
    }
    return this.turnCache[u * this.rounds + c]!;
  }

  /** The parent's relaxed solution still fits this node's relaxation. */
  private fits(chosen: Int32Array, tables: number): boolean {
    if (chosen.length > tables) return false;
    const model = this.model;
    this.degree.fill(0);
    for (let j = 0; j < chosen.length; j++) {
      const e = chosen[j]!;
      if (!this.available[e]) return false;
      this.degree[model.edgeLeft[e]!]!++;
      this.degree[model.edgeRight[e]!]!++;
    }
    for (let x = 0; x < this.n; x++)
      if (this.degree[x]! > this.residual[x]! || this.degree[x]! < this.deficit[x]!) return false;
    return true;
  }

  /** The b-matching relaxation of the node: available edges, residual caps, deficits, tables. */
  private relax(tables: number): { chosen: Int32Array; value: number } | undefined {
    const model = this.model;
    const n = this.n;
    const arcsOf: number[] = [];
    for (let e = 0; e < this.edges; e++) if (this.available[e]) arcsOf.push(e);
    const count = arcsOf.length;
    const arcs = count + n + 1;
    const s = n;
    const t = n + 1;
    const net = scratchNetwork(n + 2, arcs);
    const { source, target, capacity, cost, supply } = net;
    for (let j = 0; j < count; j++) {
      const e = arcsOf[j]!;
      source[j] = model.edgeLeft[e]!;
      target[j] = model.edgeRight[e]!;
      capacity[j] = 1;
      cost[j] = -this.value[e]!;
    }
    let leftDeficit = 0;
    let rightDeficit = 0;
    for (let x = 0; x < n; x++) {
      const a = count + x;
      const isLeft = x < model.leftCount;
      const d = this.deficit[x]!;
      if (isLeft) leftDeficit += d;
      else rightDeficit += d;
      source[a] = isLeft ? s : x;
      target[a] = isLeft ? x : t;
      capacity[a] = this.residual[x]! - d;
      supply[source[a]!]! -= d;
      supply[target[a]!]! += d;
    }
    if (leftDeficit > tables || rightDeficit > tables) return undefined;
    source[arcs - 1] = t;
    target[arcs - 1] = s;
    capacity[arcs - 1] = tables;
    this.flows++;
    const result = minCostFlow(net);
    this.work += arcs;
    if (!result.feasible) return undefined;
    const chosen: number[] = [];
    let value = 0;
    for (let j = 0; j < count; j++) {
      if (result.flow[j]! > 0.5) {
        chosen.push(arcsOf[j]!);
        value += this.value[arcsOf[j]!]!;
      }
    }
    return { chosen: Int32Array.from(chosen), value };
  }

  /**
   * A tighter relaxation: one side's meetings also take distinct rounds among those still open
   * (s → x → (x, round) → pair → partner → t); the other side keeps only its residual caps.
   * Returns the optimum, or undefined when infeasible.
   */
  private relaxSided(tables: number, leftOwns: boolean, byRound: boolean): number | undefined {
    const model = this.model;
    const n = this.n;
    const k = this.rounds;
    const source: number[] = [];
    const target: number[] = [];
    const capacity: number[] = [];
    const cost: number[] = [];
    let nodes = n + 2;
    const s = n;
    const t = n + 1;
    const supply: number[] = new Array<number>(n + 2).fill(0);
    // NOTE: byRound: the owner side's caps and lower bounds give way to each round's tables.
    const roundNode = nodes;
    if (byRound) nodes += k;
    for (let x = 0; x < n; x++) {
      const owns = x < model.leftCount === leftOwns;
      const d = owns && byRound ? 0 : this.deficit[x]!;
      source.push(owns ? s : x);
      target.push(owns ? x : t);
      capacity.push(owns && byRound ? 0 : this.residual[x]! - d);
      cost.push(0);
      supply[owns ? s : x]! -= d;
      supply[owns ? x : t]! += d;
      if (!owns) continue;
      for (let c = 0; c < k; c++) {
        if (!((this.slots[x]! >> c) & 1)) continue;
        this.slotNode[x * k + c] = nodes;
        source.push(byRound ? roundNode + c : x);
        target.push(nodes++);
        capacity.push(1);
        cost.push(0);
      }
    }
    if (byRound) {
      for (let c = 0; c < k; c++) {
        source.push(s);
        target.push(roundNode + c);
        capacity.push(this.roundTables[c]!);
        cost.push(0);
      }
    }
    for (let e = 0; e < this.edges; e++) {
      const mask = this.available[e]!;
      if (!mask) continue;
      const owner = leftOwns ? model.edgeLeft[e]! : model.edgeRight[e]!;
      const other = leftOwns ? model.edgeRight[e]! : model.edgeLeft[e]!;
      const node = nodes++;
      for (let c = 0; c < k; c++) {
        if (!((mask >> c) & 1)) continue;
        source.push(this.slotNode[owner * k + c]!);
        target.push(node);
        capacity.push(1);
        cost.push(0);
      }
      source.push(node);
      target.push(other);
      capacity.push(1);
      cost.push(-this.value[e]!);
    }
    source.push(t);
    target.push(s);
    capacity.push(tables);
    cost.push(0);
    this.flows++;
    this.work += source.length;
    while (supply.length < nodes) supply.push(0);
    const result = minCostFlow({
      nodeCount: nodes,
      source: Int32Array.from(source),
      target: Int32Array.from(target),
      capacity: Float64Array.from(capacity),
      cost: Float64Array.from(cost),
      supply: Float64Array.from(supply),
    });
    return result.feasible ? -result.cost : undefined;
  }
}

function without(list: Int32Array, e: number): Int32Array {
  const out = new Int32Array(list.length - 1);
  let j = 0;
  for (let i = 0; i < list.length; i++) if (list[i] !== e) out[j++] = list[i]!;
  return out;
}
