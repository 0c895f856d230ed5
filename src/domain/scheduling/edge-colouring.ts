/**
 * Equitable edge colouring of a bipartite graph (König, then de Werra's balancing): when every
 * vertex has degree ≤ `colours`, the edges split into `colours` matchings whose sizes differ by at
 * most one. Each matching is a round; the sizes ≤ ⌈E/K⌉ ≤ T make the table limit hold.
 */
export function equitableEdgeColouring(
  vertexCount: number,
  ends: { readonly u: Int32Array; readonly v: Int32Array },
  colours: number,
  preferred?: Int32Array,
  tables = Infinity,
): Int32Array {
  const board = new Colouring(vertexCount, ends, colours);
  for (let e = 0; e < board.edges; e++) board.colourEdge(e, preferred?.[e] ?? -1);
  board.balance(preferred ? tables : -1);
  return board.colour;
}

/**
 * The colouring under way: each vertex's edge of each colour (`slot`), each edge's colour. Its
 * steps are small methods rather than closures in one long function: V8 optimises them after a
 * few hundred calls, which matters on a first call in a fresh process.
 */
class Colouring {
  readonly edges: number;
  readonly colour: Int32Array;
  private readonly slot: Int32Array;
  private readonly size: Int32Array;

  constructor(
    private readonly vertexCount: number,
    private readonly ends: { readonly u: Int32Array; readonly v: Int32Array },
    private readonly colours: number,
  ) {
    this.edges = ends.u.length;
    this.colour = new Int32Array(this.edges).fill(-1);
    this.slot = new Int32Array(vertexCount * colours).fill(-1);
    this.size = new Int32Array(colours);
  }

  private at(x: number, c: number): number {
    return this.slot[x * this.colours + c]!;
  }

  private other(e: number, x: number): number {
    return this.ends.u[e] === x ? this.ends.v[e]! : this.ends.u[e]!;
  }

  private set(e: number, c: number): void {
    this.colour[e] = c;
    this.slot[this.ends.u[e]! * this.colours + c] = e;
    this.slot[this.ends.v[e]! * this.colours + c] = e;
  }

  private clear(e: number): void {
    const c = this.colour[e]!;
    this.slot[this.ends.u[e]! * this.colours + c] = -1;
    this.slot[this.ends.v[e]! * this.colours + c] = -1;
    this.colour[e] = -1;
  }

  private freeColour(x: number): number {
    for (let c = 0; c < this.colours; c++) if (this.at(x, c) < 0) return c;
    throw new Error('edge colouring: a vertex has more edges than colours');
  }

  /** König's step: a colour free at both ends, after swapping two colours along a path if need be. */
  colourEdge(e: number, wish: number): void {
    const u = this.ends.u[e]!;
    const v = this.ends.v[e]!;
    if (wish >= 0 && wish < this.colours && this.at(u, wish) < 0 && this.at(v, wish) < 0) {
      this.set(e, wish);
      return;
    }
    const alpha = this.freeColour(u);
    if (this.at(v, alpha) < 0) {
      this.set(e, alpha);
      return;
    }
    const beta = this.freeColour(v);
    if (this.at(u, beta) < 0) {
      this.set(e, beta);
      return;
    }
    // NOTE: the α/β path from v cannot reach u (bipartite parity), so α becomes free at both.
    this.flipPath(v, alpha, beta);
    this.set(e, alpha);
  }

  /** Swaps colours a and b along the a/b path that leaves `start` by its a-edge. */
  private flipPath(start: number, a: number, b: number): void {
    const path: number[] = [];
    let x = start;
    let c = a;
    for (let e = this.at(x, c); e >= 0; e = this.at(x, c)) {
      path.push(e);
      x = this.other(e, x);
      c = c === a ? b : a;
    }
    for (const e of path) this.clear(e);
    // The path alternates a, b, a, …: its first edge had colour a.
    for (let i = 0; i < path.length; i++) this.set(path[i]!, i % 2 === 0 ? b : a);
  }

  /**
   * de Werra's balancing: while two colours differ by more than one edge, swap them along a path
   * with one more edge of the big colour. With `tables` ≥ 0 (re-planning), only until every
   * colour fits the tables: each swap moves meetings.
   */
  balance(tables: number): void {
    const { size, colours } = this;
    for (let e = 0; e < this.edges; e++) size[this.colour[e]!]!++;
    for (;;) {
      let big = 0;
      let small = 0;
      for (let c = 1; c < colours; c++) {
        if (size[c]! > size[big]!) big = c;
        if (size[c]! < size[small]!) small = c;
      }
      if (size[big]! - size[small]! <= 1 || (tables >= 0 && size[big]! <= tables)) return;
      if (!this.shiftOne(big, small)) throw new Error('edge colouring: no balancing path found');
      size[big]!--;
      size[small]!++;
    }
  }

  /** An a/b component with more a-edges than b-edges is a path starting and ending in a: swap it. */
  private shiftOne(big: number, small: number): boolean {
    for (let x = 0; x < this.vertexCount; x++) {
      if (this.at(x, big) < 0 || this.at(x, small) >= 0) continue;
      let y = x;
      let c = big;
      let length = 0;
      for (let e = this.at(y, c); e >= 0; e = this.at(y, c)) {
        length++;
        y = this.other(e, y);
        c = c === big ? small : big;
      }
      if (length % 2 === 1) {
        this.flipPath(x, big, small);
        return true;
      }
    }
    return false;
  }
}
