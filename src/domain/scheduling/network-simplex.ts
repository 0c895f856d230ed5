/**
 * Minimum-cost flow by the primal network simplex method (block-search pricing, strongly feasible
 * spanning trees, big-M artificial arcs), after LEMON's NetworkSimplex. Our networks have few nodes
 * (the participants) and many arcs (the pairs), so the tree is kept as parent pointers plus child
 * lists and a subtree is re-rooted and re-priced by a plain walk: O(nodes) per pivot is cheap here,
 * and pricing, O(√arcs) per pivot, dominates.
 */

export interface FlowNetwork {
  readonly nodeCount: number;
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** Upper bound of each arc; lower bounds are 0 (shift them into `supply` first). */
  readonly capacity: Float64Array;
  readonly cost: Float64Array;
  /** Net supply of each node (outflow − inflow); sums to 0. */
  readonly supply: Float64Array;
}

export interface FlowResult {
  readonly feasible: boolean;
  readonly flow: Float64Array;
  readonly cost: number;
  readonly pivots: number;
}

const UP = 1;
const DOWN = -1;
const AT_LOWER = 1;
const AT_UPPER = -1;
const IN_TREE = 0;

/**
 * A network to fill in place, zeroed, in arrays reused from one call to the next: it is valid
 * until the next call. For callers that solve many small flows (see `Workspace`).
 */
export function scratchNetwork(nodeCount: number, arcCount: number): FlowNetwork {
  if (!input || input.source.length < arcCount || input.supply.length < nodeCount) {
    const arcs = Math.max(arcCount, input?.source.length ?? 0);
    const nodes = Math.max(nodeCount, input?.supply.length ?? 0);
    input = {
      nodeCount: 0,
      source: new Int32Array(arcs),
      target: new Int32Array(arcs),
      capacity: new Float64Array(arcs),
      cost: new Float64Array(arcs),
      supply: new Float64Array(nodes),
    };
  }
  const zeroed = <T extends Int32Array | Float64Array>(array: T, size: number): T =>
    array.fill(0, 0, size).subarray(0, size) as T;
  return {
    nodeCount,
    source: zeroed(input.source, arcCount),
    target: zeroed(input.target, arcCount),
    capacity: zeroed(input.capacity, arcCount),
    cost: zeroed(input.cost, arcCount),
    supply: zeroed(input.supply, nodeCount),
  };
}

let input: FlowNetwork | undefined;

/**
 * Solves min Σ cost·flow subject to capacities and supplies. `tolerance` guards pricing when costs
 * are not integers; integer costs (the caller scales them) make every comparison exact. With
 * `candidates`, pricing looks at arcs 0..candidates−1 alone until none of them can enter, and
 * only then at all of them: the same optimum, far fewer reduced costs computed when the caller
 * puts the arcs likeliest to carry flow first.
 */
export function minCostFlow(net: FlowNetwork, tolerance = 0, candidates?: number): FlowResult {
  const simplex = new Simplex(net, tolerance, candidates);
  for (let e = simplex.price(); e >= 0; e = simplex.price()) simplex.pivot(e);
  return simplex.result();
}

/**
 * The method's state. Its steps are small methods rather than one long loop: V8 optimises a small
 * function called a few thousand times long before it replaces a long-running loop in place, so
 * a first call in a fresh process (the command line's case) spends far less time interpreted.
 */
class Simplex {
  private readonly n: number;
  private readonly m: number;
  private readonly src: Int32Array;
  private readonly tgt: Int32Array;
  private readonly cap: Float64Array;
  private readonly cost: Float64Array;
  private readonly flow: Float64Array;
  private readonly state: Int8Array;
  private readonly tree: Tree;
  private readonly pred: Int32Array;
  private readonly dir: Int8Array;
  private readonly depth: Int32Array;
  private readonly pi: Float64Array;
  private readonly stack: Int32Array;
  private priced: number;
  private blockSize: number;
  private nextArc = 0;
  private pivots = 0;

  constructor(
    net: FlowNetwork,
    private readonly tolerance: number,
    candidates: number | undefined,
  ) {
    const n = net.nodeCount;
    const m = net.source.length;
    const root = n;
    const all = m + n;
    this.n = n;
    this.m = m;
    const space = workspace(all, n + 1);
    const { src, tgt, cap, cost, flow, state } = space;
    this.src = src;
    this.tgt = tgt;
    this.cap = cap;
    this.cost = cost;
    this.flow = flow;
    this.state = state;
    src.set(net.source);
    tgt.set(net.target);
    cap.set(net.capacity);
    cost.set(net.cost);
    flow.fill(0, 0, m);
    let maxCost = 0;
    for (let a = 0; a < m; a++) {
      state[a] = AT_LOWER;
      const c = Math.abs(cost[a]!);
      if (c > maxCost) maxCost = c;
    }
    // NOTE: any simple path costs less than this, so artificial flow is used only when unavoidable.
    const art = (maxCost + 1) * (n + 1);

    const tree = (this.tree = space.tree);
    tree.reset(n + 1);
    const { pred, dir, depth, pi } = space;
    this.pred = pred;
    this.dir = dir;
    this.depth = depth;
    this.pi = pi;
    this.stack = space.stack;
    tree.parent[root] = -1;
    pred[root] = -1;
    depth[root] = 0;
    pi[root] = 0;
    for (let i = 0; i < n; i++) {
      const a = m + i;
      const b = net.supply[i]!;
      cap[a] = Infinity;
      cost[a] = art;
      state[a] = IN_TREE;
      if (b >= 0) {
        src[a] = i;
        tgt[a] = root;
        flow[a] = b;
        dir[i] = UP;
        pi[i] = -art;
      } else {
        src[a] = root;
        tgt[a] = i;
        flow[a] = -b;
        dir[i] = DOWN;
        pi[i] = art;
      }
      pred[i] = a;
      depth[i] = 1;
      tree.addChild(root, i);
    }
    this.priced = Math.min(m, Math.max(0, candidates ?? m));
    this.blockSize = Math.max(10, Math.ceil(Math.sqrt(this.priced)));
  }

  /** The arc to enter the tree, −1 when the flow is optimal. */
  price(): number {
    const e = this.blockSearch();
    if (e >= 0 || this.priced === this.m) return e;
    // The short list is exhausted: from now on every arc is priced.
    this.priced = this.m;
    this.blockSize = Math.max(10, Math.ceil(Math.sqrt(this.m)));
    this.nextArc = 0;
    return this.blockSearch();
  }

  /** Block search pricing: the most negative reduced cost in the first block that has one. */
  private blockSearch(): number {
    const { state, cost, pi, src, tgt, priced, blockSize } = this;
    const nextArc = this.nextArc;
    let best = -this.tolerance;
    let count = blockSize;
    let e = -1;
    for (let step = 0; step < priced; step++) {
      const a = nextArc + step < priced ? nextArc + step : nextArc + step - priced;
      const c = state[a]! * (cost[a]! + pi[src[a]!]! - pi[tgt[a]!]!);
      if (c < best) {
        best = c;
        e = a;
      }
      if (--count === 0) {
        if (e >= 0) {
          this.nextArc = a + 1 === priced ? 0 : a + 1;
          return e;
        }
        count = blockSize;
      }
    }
    return e;
  }

  /** Sends flow round the cycle that e closes and, unless e only changes bound, swaps it into the tree. */
  pivot(e: number): void {
    const { state, src, tgt, cap, flow, pred, dir } = this;
    const parent = this.tree.parent;
    this.pivots++;
    const first = state[e] === AT_LOWER ? src[e]! : tgt[e]!;
    const second = state[e] === AT_LOWER ? tgt[e]! : src[e]!;
    const join = this.join(first, second);

    let delta = cap[e]!;
    let side = 0;
    let uOut = -1;
    for (let x = first; x !== join; x = parent[x]!) {
      const a = pred[x]!;
      const d = dir[x] === DOWN ? cap[a]! - flow[a]! : flow[a]!;
      if (d < delta) {
        delta = d;
        uOut = x;
        side = 1;
      }
    }
    for (let x = second; x !== join; x = parent[x]!) {
      const a = pred[x]!;
      const d = dir[x] === UP ? cap[a]! - flow[a]! : flow[a]!;
      if (d <= delta) {
        delta = d;
        uOut = x;
        side = 2;
      }
    }
    if (delta === Infinity) throw new Error('min-cost flow: unbounded negative cycle');

    if (delta > 0) {
      const val = state[e]! * delta;
      flow[e] = flow[e]! + val;
      for (let x = src[e]!; x !== join; x = parent[x]!) flow[pred[x]!] = flow[pred[x]!]! - dir[x]! * val;
      for (let x = tgt[e]!; x !== join; x = parent[x]!) flow[pred[x]!] = flow[pred[x]!]! + dir[x]! * val;
    }
    if (side === 0) {
      state[e] = -state[e]! as -1 | 1;
      return;
    }
    const outArc = pred[uOut]!;
    state[e] = IN_TREE;
    state[outArc] = flow[outArc] === 0 ? AT_LOWER : AT_UPPER;
    this.rehang(e, side === 1 ? first : second, side === 1 ? second : first, uOut);
  }

  /** The first common ancestor of u and v in the tree. */
  private join(u: number, v: number): number {
    const { depth } = this;
    const parent = this.tree.parent;
    while (u !== v) {
      if (depth[u]! >= depth[v]!) u = parent[u]!;
      else v = parent[v]!;
    }
    return u;
  }

  /** The subtree under uOut is cut and hung again from vIn by the entering arc e, rooted at uIn. */
  private rehang(e: number, uIn: number, vIn: number, uOut: number): void {
    const { tree, pred, dir, pi, src, cost } = this;
    const parent = tree.parent;
    const sigma = pi[vIn]! - pi[uIn]! + (src[e] === uIn ? -cost[e]! : cost[e]!);
    tree.removeChild(uOut);
    let x = uIn;
    let newParent = vIn;
    let newPred = e;
    let newDir = src[e] === uIn ? UP : DOWN;
    for (;;) {
      const oldParent = parent[x]!;
      const oldPred = pred[x]!;
      const oldDir = dir[x]!;
      if (x !== uOut) tree.removeChild(x);
      tree.addChild(newParent, x);
      pred[x] = newPred;
      dir[x] = newDir;
      if (x === uOut) break;
      newParent = x;
      newPred = oldPred;
      newDir = -oldDir;
      x = oldParent;
    }
    this.reprice(uIn, sigma);
  }

  /** Shifts the potentials of the subtree rooted at top by sigma and recomputes its depths. */
  private reprice(top: number, sigma: number): void {
    const { stack, pi, depth } = this;
    const { parent, firstChild, nextSib } = this.tree;
    let size = 0;
    stack[size++] = top;
    while (size > 0) {
      const y = stack[--size]!;
      pi[y] = pi[y]! + sigma;
      depth[y] = depth[parent[y]!]! + 1;
      for (let c = firstChild[y]!; c >= 0; c = nextSib[c]!) stack[size++] = c;
    }
  }

  result(): FlowResult {
    const { m, n, flow, cost } = this;
    let feasible = true;
    for (let a = m; a < m + n; a++) if (flow[a]! > 0) feasible = false;
    let total = 0;
    for (let a = 0; a < m; a++) total += flow[a]! * cost[a]!;
    // NOTE: a copy: the arrays are reused by the next flow.
    return { feasible, flow: flow.slice(0, m), cost: total, pivots: this.pivots };
  }
}

/**
 * The spanning tree's shape: parent pointers and doubly linked child lists, so that a subtree can
 * be cut and hung elsewhere in O(1) per node (a class rather than closures, so that optimised code
 * survives from one flow to the next).
 */
class Tree {
  readonly parent: Int32Array;
  readonly firstChild: Int32Array;
  readonly nextSib: Int32Array;
  readonly prevSib: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    this.firstChild = new Int32Array(size);
    this.nextSib = new Int32Array(size);
    this.prevSib = new Int32Array(size);
  }

  /** Nodes 0..size−1 without children. */
  reset(size: number): void {
    this.firstChild.fill(-1, 0, size);
    this.nextSib.fill(-1, 0, size);
    this.prevSib.fill(-1, 0, size);
  }

  addChild(p: number, x: number): void {
    const head = this.firstChild[p]!;
    this.nextSib[x] = head;
    this.prevSib[x] = -1;
    if (head >= 0) this.prevSib[head] = x;
    this.firstChild[p] = x;
    this.parent[x] = p;
  }

  removeChild(x: number): void {
    const p = this.parent[x]!;
    const before = this.prevSib[x]!;
    const after = this.nextSib[x]!;
    if (before >= 0) this.nextSib[before] = after;
    else this.firstChild[p] = after;
    if (after >= 0) this.prevSib[after] = before;
  }
}

/**
 * The arrays of one flow, kept for the next: the exact search and the round re-solves solve
 * thousands of tiny flows, for which allocating a dozen typed arrays (memory outside V8's heap)
 * cost more than the pivots. They only grow, to the largest flow solved.
 */
interface Workspace {
  readonly src: Int32Array;
  readonly tgt: Int32Array;
  readonly cap: Float64Array;
  readonly cost: Float64Array;
  readonly flow: Float64Array;
  readonly state: Int8Array;
  readonly pred: Int32Array;
  readonly dir: Int8Array;
  readonly depth: Int32Array;
  readonly pi: Float64Array;
  readonly stack: Int32Array;
  readonly tree: Tree;
}

let kept: Workspace | undefined;

function workspace(arcs: number, nodes: number): Workspace {
  if (kept && kept.src.length >= arcs && kept.pred.length >= nodes) return kept;
  const a = Math.max(arcs, kept?.src.length ?? 0);
  const v = Math.max(nodes, kept?.pred.length ?? 0);
  kept = {
    src: new Int32Array(a),
    tgt: new Int32Array(a),
    cap: new Float64Array(a),
    cost: new Float64Array(a),
    flow: new Float64Array(a),
    state: new Int8Array(a),
    pred: new Int32Array(v),
    dir: new Int8Array(v),
    depth: new Int32Array(v),
    pi: new Float64Array(v),
    stack: new Int32Array(v),
    tree: new Tree(v),
  };
  return kept;
}
