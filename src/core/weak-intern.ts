/**
 * Intern tables whose memory follows what callers keep: a node is found while anything references
 * it, and forgotten some time after nothing does.
 *
 * Two generations. The young one holds strongly the nodes created or found since the last
 * rotation, in one plain map (a hit there costs one map lookup), and lists the ones created. When
 * `generation.capacity` nodes have been created since the last rotation it is rotated: its created
 * nodes move to the old generation as `WeakRef`s, and it is emptied. An old node found again is
 * copied into the young generation (one `deref` per node and rotation, not per lookup: a `deref` is
 * costly in V8). Only created nodes count towards a rotation: found ones are at most one per old
 * entry, and a workload that revisits a large graph (a second pass over a corpus) then pays one
 * `deref` per node, not one per node every `capacity` lookups.
 *
 * Invariant: every reachable node is in the young generation or has a live `WeakRef` in the old
 * one (a `WeakRef` to a reachable object always derefs), so two structurally equal nodes alive at
 * the same time are the same object. The old generation is swept of collected entries when it has
 * grown by the number of entries that survived the last sweep: memory stays within a constant
 * factor of the live nodes plus the young generation, and sweeping costs O(1) amortised per node.
 */

/**
 * `capacity`: most created nodes the young generation of one table holds strongly (besides the
 * old nodes found again); the old generation is swept no more often than every `capacity` entries. Mutable for tests only (smaller generations
 * rotate sooner); results never depend on it.
 */
export const generation = { capacity: 1 << 15 };

/** Nodes by a key of type K (a symbol's name, a safe integer's value). */
export class WeakValueMap<K, V extends object> {
  /** Every node created or found since the last rotation, held strongly. */
  private young = new Map<K, V>();
  /** The keys of the nodes created since the last rotation (in `young`, not yet in `old`). */
  private freshKeys: K[] = [];
  private readonly old = new Map<K, WeakRef<V>>();
  private addedToOld = 0;
  private sweepAt = 0;

  get(key: K): V | undefined {
    const young = this.young.get(key);
    if (young !== undefined) return young;
    const v = this.old.get(key)?.deref();
    if (v !== undefined) this.keepYoung(key, v);
    return v;
  }

  /** Stores `value` (not found by `get`) under `key`; returns it. */
  set(key: K, value: V): V {
    this.freshKeys.push(key);
    this.keepYoung(key, value);
    return value;
  }

  private keepYoung(key: K, value: V): void {
    this.young.set(key, value);
    if (this.freshKeys.length >= generation.capacity) this.rotate();
  }

  /** Moves the fresh nodes to the old generation and empties the young one. */
  private rotate(): void {
    for (const key of this.freshKeys) this.old.set(key, new WeakRef(this.young.get(key)!));
    this.addedToOld += this.freshKeys.length;
    this.young = new Map();
    this.freshKeys = [];
    if (this.addedToOld >= this.sweepAt) {
      for (const [key, ref] of this.old) if (ref.deref() === undefined) this.old.delete(key);
      this.addedToOld = 0;
      this.sweepAt = Math.max(generation.capacity, this.old.size);
    }
  }

  /** Entries in both generations, live or not yet swept (for tests). */
  get size(): number {
    return this.freshKeys.length + this.old.size;
  }
}

type Bucket<T> = T | T[];

function findIn<V, A, B, C>(bucket: Bucket<V> | undefined, same: (node: V, a: A, b: B, c: C) => boolean, a: A, b: B, c: C): V | undefined {
  if (bucket === undefined) return undefined;
  if (!Array.isArray(bucket)) return same(bucket, a, b, c) ? bucket : undefined;
  for (const node of bucket) if (same(node, a, b, c)) return node;
  return undefined;
}

function addTo<T>(m: Map<number, Bucket<T>>, hash: number, item: T): void {
  const bucket = m.get(hash);
  if (bucket === undefined) m.set(hash, item);
  else if (Array.isArray(bucket)) bucket.push(item);
  else m.set(hash, [bucket, item]);
}

/** Nodes by a 32-bit structural hash, with a list per hash when hashes collide. */
export class WeakHashTable<V extends object> {
  /** Every node created or found since the last rotation, held strongly. */
  private young = new Map<number, Bucket<V>>();
  /** The nodes created since the last rotation (in `young`, not yet in `old`), and their hashes. */
  private freshNodes: V[] = [];
  private freshHashes: number[] = [];
  private readonly old = new Map<number, Bucket<WeakRef<V>>>();
  private addedToOld = 0;
  private sweepAt = 0;

  /** The node with hash `hash` for which `same(node, a, b, c)` holds, if one is alive. */
  find<A, B, C>(hash: number, same: (node: V, a: A, b: B, c: C) => boolean, a: A, b: B, c: C): V | undefined {
    const young = findIn(this.young.get(hash), same, a, b, c);
    if (young !== undefined) return young;
    const bucket = this.old.get(hash);
    if (bucket === undefined) return undefined;
    if (!Array.isArray(bucket)) return this.foundOld(hash, bucket.deref(), same, a, b, c);
    for (const ref of bucket) {
      const node = this.foundOld(hash, ref.deref(), same, a, b, c);
      if (node !== undefined) return node;
    }
    return undefined;
  }

  /** `node` (an old entry's target, if alive) when it is the one sought, then kept young again. */
  private foundOld<A, B, C>(hash: number, node: V | undefined, same: (node: V, a: A, b: B, c: C) => boolean, a: A, b: B, c: C): V | undefined {
    if (node === undefined || !same(node, a, b, c)) return undefined;
    addTo(this.young, hash, node);
    this.rotateIfFull();
    return node;
  }

  /** Adds `node` (not found by `find`) under `hash`; returns it. */
  add(hash: number, node: V): V {
    addTo(this.young, hash, node);
    this.freshNodes.push(node);
    this.freshHashes.push(hash);
    this.rotateIfFull();
    return node;
  }

  private rotateIfFull(): void {
    if (this.freshNodes.length < generation.capacity) return;
    const nodes = this.freshNodes;
    const hashes = this.freshHashes;
    for (let i = 0; i < nodes.length; i++) addTo(this.old, hashes[i]!, new WeakRef(nodes[i]!));
    this.addedToOld += nodes.length;
    this.young = new Map();
    this.freshNodes = [];
    this.freshHashes = [];
    if (this.addedToOld >= this.sweepAt) this.sweep();
  }

  private sweep(): void {
    let live = 0;
    for (const [hash, bucket] of this.old) {
      if (!Array.isArray(bucket)) {
        if (bucket.deref() === undefined) this.old.delete(hash);
        else live++;
        continue;
      }
      const kept = bucket.filter((ref) => ref.deref() !== undefined);
      live += kept.length;
      if (kept.length === 0) this.old.delete(hash);
      else if (kept.length < bucket.length) this.old.set(hash, kept.length === 1 ? kept[0]! : kept);
    }
    this.addedToOld = 0;
    this.sweepAt = Math.max(generation.capacity, live);
  }

  /** Nodes in both generations, live or not yet swept (for tests). */
  get size(): number {
    let n = this.freshNodes.length;
    for (const bucket of this.old.values()) n += Array.isArray(bucket) ? bucket.length : 1;
    return n;
  }
}
