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
  const edges = ends.u.length;
  const colour = new Int32Array(edges).fill(-1);
  const slot = new Int32Array(vertexCount * colours).fill(-1);
  const at = (x: number, c: number): number => slot[x * colours + c]!;
  const other = (e: number, x: number): number => (ends.u[e] === x ? ends.v[e]! : ends.u[e]!);
  const setColour = (e: number, c: number): void => {
    colour[e] = c;
    slot[ends.u[e]! * colours + c] = e;
    slot[ends.v[e]! * colours + c] = e;
  };
  const clear = (e: number): void => {
    const c = colour[e]!;
    slot[ends.u[e]! * colours + c] = -1;
    slot[ends.v[e]! * colours + c] = -1;
    colour[e] = -1;
  };
  const freeColour = (x: number): number => {
    for (let c = 0; c < colours; c++) if (at(x, c) < 0) return c;
    throw new Error('edge colouring: a vertex has more edges than colours');
  };
  /** Swaps colours a and b along the a/b path that leaves `start` by its a-edge. */
  const flipPath = (start: number, a: number, b: number): number[] => {
    const path: number[] = [];
    let x = start;
    let c = a;
    for (let e = at(x, c); e >= 0; e = at(x, c)) {
      path.push(e);
      x = other(e, x);
      c = c === a ? b : a;
    }
    const old = path.map((e) => colour[e]!);
    path.forEach(clear);
    path.forEach((e, i) => setColour(e, old[i] === a ? b : a));
    return path;
  };

  for (let e = 0; e < edges; e++) {
    const u = ends.u[e]!;
    const v = ends.v[e]!;
    const wish = preferred?.[e] ?? -1;
    if (wish >= 0 && wish < colours && at(u, wish) < 0 && at(v, wish) < 0) {
      setColour(e, wish);
      continue;
    }
    const alpha = freeColour(u);
    if (at(v, alpha) < 0) {
      setColour(e, alpha);
      continue;
    }
    const beta = freeColour(v);
    if (at(u, beta) < 0) {
      setColour(e, beta);
      continue;
    }
    // NOTE: the α/β path from v cannot reach u (bipartite parity), so α becomes free at both.
    flipPath(v, alpha, beta);
    setColour(e, alpha);
  }

  const size = new Int32Array(colours);
  for (let e = 0; e < edges; e++) size[colour[e]!]!++;
  for (;;) {
    let big = 0;
    let small = 0;
    for (let c = 1; c < colours; c++) {
      if (size[c]! > size[big]!) big = c;
      if (size[c]! < size[small]!) small = c;
    }
    // NOTE: when re-planning, balance only as far as the tables require: each swap moves meetings.
    if (size[big]! - size[small]! <= 1 || (preferred && size[big]! <= tables)) break;
    // An a/b component with more a-edges than b-edges is a path starting and ending in a.
    let moved = false;
    for (let x = 0; x < vertexCount && !moved; x++) {
      if (at(x, big) < 0 || at(x, small) >= 0) continue;
      let y = x;
      let c = big;
      let length = 0;
      for (let e = at(y, c); e >= 0; e = at(y, c)) {
        length++;
        y = other(e, y);
        c = c === big ? small : big;
      }
      if (length % 2 === 1) {
        flipPath(x, big, small);
        size[big]!--;
        size[small]!++;
        moved = true;
      }
    }
    if (!moved) throw new Error('edge colouring: no balancing path found');
  }
  return colour;
}
