import type { EdgeOrder } from './edge-order.ts';
import type { Model } from './model.ts';

/** Alternating-path swaps tried per placement: enough in practice, and bounded when tables bind. */
const MAX_PATH_TRIES = 8;
/** In a lightest-meeting cache: not known yet (recomputed on demand). */
const UNKNOWN = -1;
/** In a lightest-meeting cache: known, and there is none. */
const NONE = -2;

/**
 * Meetings placed in rounds, under presence windows: edge e may take round c only when both ends
 * attend it, each vertex meets once per round, each round holds at most T meetings. Every change
 * is journalled so a local-search move can be tried and rolled back. Tracks the objectives of
 * the search: the fairness deficit (meetings missing below each vertex's lower bound) first, then
 * the `must` pairs placed, then the weight.
 */
export class RoundBoard {
  readonly colours: number;
  readonly colour: Int32Array;
  readonly count: Int32Array;
  readonly load: Int32Array;
  deficit = 0;
  weight = 0;
  /** `must` pairs placed: the second objective, before the weight. */
  musts = 0;
  /** Meetings in the round the previous plan gave them (re-planning): the last objective. */
  stable = 0;
  /** Rounds whose tables are all taken. */
  private fullRounds = 0;
  /** Bumped by every change of the placement: keys the cache of `leastEjectable`. */
  private version = 0;
  private ejectableVersion = -1;
  private ejectable = 0;
  private readonly slot: Int32Array;
  private readonly attends: Uint8Array;
  /**
   * Changes since the last commit, in pairs: (edge, its former round or −1), or (−1 − cache
   * index, the cache's former value). Rolling back restores the caches too, so a move tried and
   * undone leaves them known; otherwise each undone ejection of a lightest meeting cost a rescan.
   */
  private readonly journal: number[] = [];
  /** Meetings of each round, unordered, with each edge's position for O(1) removal. */
  private readonly members: number[][];
  private readonly position: Int32Array;
  /**
   * Cached lightest meetings (UNKNOWN, NONE or an edge): of each round c at c, and of all rounds
   * at `everywhere`, by weight and then lowest index (so the answer never depends on when it was
   * computed); of each vertex x at colours + x, the last placed in the search's order (`must`
   * pairs first, then heaviest first).
   */
  private readonly lightest: Int32Array;
  private readonly everywhere: number;
  /** Position of each edge in the search's order. */
  private readonly rank: Int32Array;
  private readonly incident: readonly (readonly number[])[];
  /** Scratch space for an alternating path. */
  private readonly path: number[] = [];

  constructor(
    readonly model: Model,
    readonly lower: Int32Array,
    order: EdgeOrder,
    readonly preferred?: Int32Array,
  ) {
    this.colours = model.planRounds;
    this.colour = new Int32Array(model.edgeLeft.length).fill(-1);
    this.count = new Int32Array(model.vertexCount);
    this.load = new Int32Array(this.colours);
    this.slot = new Int32Array(model.vertexCount * this.colours).fill(-1);
    this.attends = new Uint8Array(model.vertexCount * this.colours);
    this.members = Array.from({ length: this.colours }, () => []);
    this.position = new Int32Array(model.edgeLeft.length);
    this.everywhere = this.colours + model.vertexCount;
    this.lightest = new Int32Array(this.everywhere + 1).fill(NONE);
    this.rank = new Int32Array(model.edgeLeft.length);
    for (let i = 0; i < order.byWeight.length; i++) this.rank[order.byWeight[i]!] = i;
    this.incident = order.incident;
    const present = model.present;
    const stride = model.rounds + 1;
    const colours = this.colours;
    for (let x = 0; x < model.vertexCount; x++) {
      const from = x * stride + model.fromRound;
      for (let c = 0; c < colours; c++) this.attends[x * colours + c] = present[from + c]!;
      this.deficit += lower[x]!;
    }
  }

  at(x: number, c: number): number {
    return this.slot[x * this.colours + c]!;
  }

  allowed(e: number, c: number): boolean {
    return (
      this.attends[this.model.edgeLeft[e]! * this.colours + c] === 1 &&
      this.attends[this.model.edgeRight[e]! * this.colours + c] === 1
    );
  }

  /** Every round has all its tables taken. */
  allFull(): boolean {
    return this.fullRounds === this.colours;
  }

  /**
   * The least weight that putting e in round c ejects: the meetings of its ends there, or else,
   * when the round is full, its lightest meeting; −1 when e may not take round c.
   */
  leastEjectedIn(e: number, c: number): number {
    const u = this.model.edgeLeft[e]! * this.colours + c;
    const v = this.model.edgeRight[e]! * this.colours + c;
    if (this.attends[u] !== 1 || this.attends[v] !== 1) return -1;
    const a = this.slot[u]!;
    const b = this.slot[v]!;
    const weights = this.model.edgeWeight;
    if (a >= 0) return b >= 0 ? weights[a]! + weights[b]! : weights[a]!;
    if (b >= 0) return weights[b]!;
    return this.load[c]! >= this.model.tables ? weights[this.lightestIn(c)]! : 0;
  }

  /** True when both ends may take one more meeting. */
  hasRoom(e: number): boolean {
    const u = this.model.edgeLeft[e]!;
    const v = this.model.edgeRight[e]!;
    return this.count[u]! < this.model.remainingCap[u]! && this.count[v]! < this.model.remainingCap[v]!;
  }

  assign(e: number, c: number): void {
    this.attach(e, c);
    this.journal.push(e, -1);
    const u = this.model.edgeLeft[e]!;
    const v = this.model.edgeRight[e]!;
    if (this.lightestAfterAssign(c, e)) this.setLightest(c, e);
    if (this.lightestAfterAssign(this.everywhere, e)) this.setLightest(this.everywhere, e);
    if (this.lastAfterAssign(this.colours + u, e)) this.setLightest(this.colours + u, e);
    if (this.lastAfterAssign(this.colours + v, e)) this.setLightest(this.colours + v, e);
  }

  unassign(e: number): void {
    const c = this.colour[e]!;
    const u = this.model.edgeLeft[e]!;
    const v = this.model.edgeRight[e]!;
    this.detach(e);
    this.journal.push(e, c);
    if (this.lightest[c] === e) this.setLightest(c, UNKNOWN);
    if (this.lightest[this.everywhere] === e) this.setLightest(this.everywhere, UNKNOWN);
    if (this.lightest[this.colours + u] === e) this.setLightest(this.colours + u, UNKNOWN);
    if (this.lightest[this.colours + v] === e) this.setLightest(this.colours + v, UNKNOWN);
  }

  /** Whether e, just placed, is now the lightest meeting of cache slot i (when that is known). */
  private lightestAfterAssign(i: number, e: number): boolean {
    const known = this.lightest[i]!;
    return known === NONE || (known >= 0 && this.lighter(e, known));
  }

  /** Whether e, just placed, is now last of its end's placed meetings (cache slot i). */
  private lastAfterAssign(i: number, e: number): boolean {
    const known = this.lightest[i]!;
    return known === NONE || (known >= 0 && this.rank[e]! > this.rank[known]!);
  }

  private setLightest(i: number, e: number): void {
    this.journal.push(-1 - i, this.lightest[i]!);
    this.lightest[i] = e;
  }

  /** Places e in round c, objectives included, without journal or caches (see `rollback`). */
  private attach(e: number, c: number): void {
    const model = this.model;
    const u = model.edgeLeft[e]!;
    const v = model.edgeRight[e]!;
    this.colour[e] = c;
    this.version++;
    this.slot[u * this.colours + c] = e;
    this.slot[v * this.colours + c] = e;
    if (++this.load[c]! === model.tables) this.fullRounds++;
    this.position[e] = this.members[c]!.length;
    this.members[c]!.push(e);
    this.bump(u, 1);
    this.bump(v, 1);
    this.weight += model.edgeWeight[e]!;
    if (model.edgeWish[e] === 'must') this.musts++;
    if (this.preferred !== undefined && this.preferred[e] === c) this.stable++;
  }

  private detach(e: number): void {
    const model = this.model;
    const c = this.colour[e]!;
    const u = model.edgeLeft[e]!;
    const v = model.edgeRight[e]!;
    this.colour[e] = -1;
    this.version++;
    this.slot[u * this.colours + c] = -1;
    this.slot[v * this.colours + c] = -1;
    if (this.load[c]!-- === model.tables) this.fullRounds--;
    const list = this.members[c]!;
    const last = list.pop()!;
    if (last !== e) {
      list[this.position[e]!] = last;
      this.position[last] = this.position[e]!;
    }
    this.bump(u, -1);
    this.bump(v, -1);
    this.weight -= model.edgeWeight[e]!;
    if (model.edgeWish[e] === 'must') this.musts--;
    if (this.preferred !== undefined && this.preferred[e] === c) this.stable--;
  }

  /** The lightest meeting of round c (the lowest index among equals), −1 when it is empty. */
  lightestIn(c: number): number {
    const known = this.lightest[c]!;
    if (known !== UNKNOWN) return known === NONE ? -1 : known;
    let best = -1;
    for (const e of this.members[c]!) if (best < 0 || this.lighter(e, best)) best = e;
    this.setLightest(c, best < 0 ? NONE : best);
    return best;
  }

  /**
   * With every round full, a lower bound on what a weight-only insertion can eject and still
   * gain: one meeting ejected alone leaves the rounds full, so it finds no other round, and it
   * needs an end (not shared with the inserted pair) above its lower bound or the deficit rises:
   * at least the lightest such meeting; two or more weigh at least the two lightest together.
   */
  leastEjectable(): number {
    if (this.ejectableVersion === this.version) return this.ejectable;
    const model = this.model;
    let alone = Infinity;
    let first = Infinity;
    let second = Infinity;
    for (let c = 0; c < this.colours; c++) {
      for (const f of this.members[c]!) {
        const w = model.edgeWeight[f]!;
        if (w < first) {
          second = first;
          first = w;
        } else if (w < second) second = w;
        if (w < alone && (this.aboveLower(model.edgeLeft[f]!) || this.aboveLower(model.edgeRight[f]!)))
          alone = w;
      }
    }
    this.ejectable = Math.min(alone, first + second);
    this.ejectableVersion = this.version;
    return this.ejectable;
  }

  private aboveLower(x: number): boolean {
    return this.count[x]! > this.lower[x]!;
  }

  /** The weight of the lightest meeting placed, +∞ when none is. */
  lightestWeight(): number {
    let best = this.lightest[this.everywhere]!;
    if (best === UNKNOWN) {
      best = NONE;
      for (let c = 0; c < this.colours; c++) {
        const e = this.lightestIn(c);
        if (e >= 0 && (best < 0 || this.lighter(e, best))) best = e;
      }
      this.setLightest(this.everywhere, best);
    }
    return best === NONE ? Infinity : this.model.edgeWeight[best]!;
  }

  /**
   * The last of x's placed meetings in the search's order (`must` pairs first, then heaviest
   * first): its lightest but for `must` pairs; −1 when it has none.
   */
  lightestOf(x: number): number {
    const known = this.lightest[this.colours + x]!;
    if (known !== UNKNOWN) return known === NONE ? -1 : known;
    const edges = this.incident[x]!;
    let last = -1;
    for (let i = edges.length - 1; i >= 0 && last < 0; i--)
      if (this.colour[edges[i]!]! >= 0) last = edges[i]!;
    this.setLightest(this.colours + x, last < 0 ? NONE : last);
    return last;
  }

  private lighter(e: number, f: number): boolean {
    const we = this.model.edgeWeight[e]!;
    const wf = this.model.edgeWeight[f]!;
    return we < wf || (we === wf && e < f);
  }

  /** The meetings of round c (a live view: copy it before changing the board). */
  meetingsIn(c: number): readonly number[] {
    return this.members[c]!;
  }

  mark(): number {
    return this.journal.length;
  }

  rollback(mark: number): void {
    const journal = this.journal;
    while (journal.length > mark) {
      const previous = journal.pop()!;
      const e = journal.pop()!;
      if (e < 0) this.lightest[-1 - e] = previous;
      else if (previous < 0) this.detach(e);
      else this.attach(e, previous);
    }
  }

  /** Forgets the journal: the moves so far are kept. */
  commit(): void {
    this.journal.length = 0;
  }

  /** Places e in a round free at both ends with a free table, preferring `wish`, then the emptiest. */
  placeDirect(e: number, wish = -1): boolean {
    if (this.fullRounds === this.colours) return false;
    if (wish >= 0 && wish < this.colours && this.fits(e, wish)) {
      this.assign(e, wish);
      return true;
    }
    let best = -1;
    for (let c = 0; c < this.colours; c++)
      if (this.fits(e, c) && (best < 0 || this.load[c]! < this.load[best]!)) best = c;
    if (best < 0) return false;
    this.assign(e, best);
    return true;
  }

  /** Round c is allowed for e, free at both ends and has a free table. */
  private fits(e: number, c: number): boolean {
    const k = this.colours;
    const u = this.model.edgeLeft[e]! * k + c;
    const v = this.model.edgeRight[e]! * k + c;
    // NOTE: no closure here: under tsx (keepNames) each closure created costs a defineProperty.
    return (
      this.attends[u] === 1 &&
      this.attends[v] === 1 &&
      this.slot[u]! < 0 &&
      this.slot[v]! < 0 &&
      this.load[c]! < this.model.tables
    );
  }

  /**
   * Frees a round for e by swapping two rounds along an alternating path (the step of König's
   * proof), when every swapped meeting may take its new round and the tables suffice.
   */
  placeByPath(e: number): boolean {
    // NOTE: a swap only trades meetings between two rounds: with every round full, e cannot fit.
    if (this.fullRounds === this.colours) return false;
    const u = this.model.edgeLeft[e]!;
    const v = this.model.edgeRight[e]!;
    const tables = this.model.tables;
    let tries = MAX_PATH_TRIES;
    for (let alpha = 0; alpha < this.colours; alpha++) {
      if (!this.allowed(e, alpha) || this.at(u, alpha) >= 0) continue;
      for (let beta = 0; beta < this.colours; beta++) {
        if (beta === alpha || !this.allowed(e, beta) || this.at(v, beta) >= 0) continue;
        // NOTE: a swap only trades meetings between the two rounds and adds e: both full, no room.
        if (this.load[alpha]! + this.load[beta]! + 1 > 2 * tables) continue;
        if (this.at(v, alpha) >= 0 && this.tryFlip(v, alpha, beta, e, alpha)) return true;
        if (this.at(u, beta) >= 0 && this.tryFlip(u, beta, alpha, e, beta)) return true;
        if (--tries === 0) return false;
      }
    }
    return false;
  }

  /**
   * Follows the path from `start` alternating rounds a and b; when every meeting on it may take
   * the other round and the tables suffice, swaps them and places e in `target`.
   */
  private tryFlip(start: number, a: number, b: number, e: number, target: number): boolean {
    const path = this.path;
    path.length = 0;
    let x = start;
    let c = a;
    let toB = 0;
    let toA = 0;
    for (let f = this.at(x, c); f >= 0; f = this.at(x, c)) {
      const next = c === a ? b : a;
      if (!this.allowed(f, next)) return false;
      if (next === b) toB++;
      else toA++;
      path.push(f);
      x = this.model.edgeLeft[f] === x ? this.model.edgeRight[f]! : this.model.edgeLeft[f]!;
      c = next;
      if (path.length > this.model.vertexCount) return false;
    }
    const loadA = this.load[a]! - toB + toA + (target === a ? 1 : 0);
    const loadB = this.load[b]! + toB - toA + (target === b ? 1 : 0);
    if (loadA > this.model.tables || loadB > this.model.tables) return false;
    // NOTE: the path alternates from round a: its even meetings go to b, its odd ones to a.
    for (const f of path) this.unassign(f);
    for (let i = 0; i < path.length; i++) this.assign(path[i]!, i % 2 === 0 ? b : a);
    this.assign(e, target);
    return true;
  }

  place(e: number, wish = -1): boolean {
    return this.placeDirect(e, wish) || this.placeByPath(e);
  }

  /** A vertex's count moves by ±1: the deficit moves when it is (or goes) below its lower bound. */
  private bump(x: number, delta: number): void {
    const after = this.count[x]! + delta;
    this.count[x] = after;
    if (delta > 0 ? after <= this.lower[x]! : after < this.lower[x]!) this.deficit -= delta;
  }
}
