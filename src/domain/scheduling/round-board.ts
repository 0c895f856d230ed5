import type { Model } from './model.ts';

/** Alternating-path swaps tried per placement: enough in practice, and bounded when tables bind. */
const MAX_PATH_TRIES = 8;

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
  private readonly slot: Int32Array;
  private readonly attends: Uint8Array;
  private readonly journal: number[] = [];
  /** Meetings of each round, unordered, with each edge's position for O(1) removal. */
  private readonly members: number[][];
  private readonly position: Int32Array;
  /** The lightest meeting of each round, −1 when unknown (recomputed on demand). */
  private readonly lightest: Int32Array;

  constructor(
    readonly model: Model,
    readonly lower: Int32Array,
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
    this.lightest = new Int32Array(this.colours).fill(-1);
    for (let x = 0; x < model.vertexCount; x++) {
      for (let c = 0; c < this.colours; c++)
        this.attends[x * this.colours + c] = model.present[x * (model.rounds + 1) + model.fromRound + c]!;
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

  /** True when both ends may take one more meeting. */
  hasRoom(e: number): boolean {
    const u = this.model.edgeLeft[e]!;
    const v = this.model.edgeRight[e]!;
    return this.count[u]! < this.model.remainingCap[u]! && this.count[v]! < this.model.remainingCap[v]!;
  }

  assign(e: number, c: number): void {
    const u = this.model.edgeLeft[e]!;
    const v = this.model.edgeRight[e]!;
    this.colour[e] = c;
    this.slot[u * this.colours + c] = e;
    this.slot[v * this.colours + c] = e;
    if (++this.load[c]! === this.model.tables) this.fullRounds++;
    this.position[e] = this.members[c]!.length;
    this.members[c]!.push(e);
    const known = this.lightest[c]!;
    if (known >= 0 && this.model.edgeWeight[e]! < this.model.edgeWeight[known]!) this.lightest[c] = e;
    this.bump(u, 1);
    this.bump(v, 1);
    this.weight += this.model.edgeWeight[e]!;
    if (this.model.edgeWish[e] === 'must') this.musts++;
    if (this.preferred?.[e] === c) this.stable++;
    this.journal.push(e, -1);
  }

  unassign(e: number): void {
    const c = this.colour[e]!;
    const u = this.model.edgeLeft[e]!;
    const v = this.model.edgeRight[e]!;
    this.colour[e] = -1;
    this.slot[u * this.colours + c] = -1;
    this.slot[v * this.colours + c] = -1;
    if (this.load[c]!-- === this.model.tables) this.fullRounds--;
    if (this.lightest[c] === e) this.lightest[c] = -1;
    const list = this.members[c]!;
    const last = list.pop()!;
    if (last !== e) {
      list[this.position[e]!] = last;
      this.position[last] = this.position[e]!;
    }
    this.bump(u, -1);
    this.bump(v, -1);
    this.weight -= this.model.edgeWeight[e]!;
    if (this.model.edgeWish[e] === 'must') this.musts--;
    if (this.preferred?.[e] === c) this.stable--;
    this.journal.push(e, c);
  }

  /** The lightest meeting of round c (the first found among equals), −1 when it is empty. */
  lightestIn(c: number): number {
    const known = this.lightest[c]!;
    if (known >= 0) return known;
    let best = -1;
    for (const e of this.members[c]!)
      if (best < 0 || this.model.edgeWeight[e]! < this.model.edgeWeight[best]!) best = e;
    this.lightest[c] = best;
    return best;
  }

  /** The meetings of round c (a live view: copy it before changing the board). */
  meetingsIn(c: number): readonly number[] {
    return this.members[c]!;
  }

  mark(): number {
    return this.journal.length;
  }

  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const previous = this.journal.pop()!;
      const e = this.journal.pop()!;
      if (previous < 0) this.unassign(e);
      else this.assign(e, previous);
      this.journal.length -= 2;
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

  private tryFlip(start: number, a: number, b: number, e: number, target: number): boolean {
    const path: number[] = [];
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
    const old = path.map((f) => this.colour[f]!);
    for (const f of path) this.unassign(f);
    path.forEach((f, i) => this.assign(f, old[i] === a ? b : a));
    this.assign(e, target);
    return true;
  }

  place(e: number, wish = -1): boolean {
    return this.placeDirect(e, wish) || this.placeByPath(e);
  }

  private bump(x: number, delta: number): void {
    const before = this.count[x]!;
    const after = before + delta;
    this.count[x] = after;
    const l = this.lower[x]!;
    this.deficit += Math.max(0, l - after) - Math.max(0, l - before);
  }
}
