/** Largest left × right grid kept as a dense table (32 MiB); larger events use a map. */
const DENSE_LIMIT = 1 << 23;

/**
 * Edge index of each allowed pair, by `pairKey`. A dense grid when the event is small enough, as
 * a first call in a fresh process spends far less in array reads than in a Map's hashing.
 */
export class PairIndex {
  private readonly grid: Int32Array | undefined;
  private readonly map: Map<number, number> | undefined;

  constructor(
    private readonly vertexCount: number,
    private readonly leftCount: number,
  ) {
    const cells = leftCount * (vertexCount - leftCount);
    if (cells <= DENSE_LIMIT) this.grid = new Int32Array(cells).fill(-1);
    else this.map = new Map();
  }

  get(key: number): number | undefined {
    if (!this.grid) return this.map!.get(key);
    const cell = this.cell(key);
    const e = cell < 0 ? -1 : this.grid[cell]!;
    return e < 0 ? undefined : e;
  }

  set(key: number, edge: number): void {
    if (this.grid) this.grid[this.cell(key)] = edge;
    else this.map!.set(key, edge);
  }

  /** Row u, column v − left of the grid, from key u · vertexCount + v; −1 off the grid. */
  private cell(key: number): number {
    const u = Math.floor(key / this.vertexCount);
    const v = key - u * this.vertexCount;
    if (u < 0 || u >= this.leftCount || v < this.leftCount) return -1;
    return u * (this.vertexCount - this.leftCount) + v - this.leftCount;
  }
}
