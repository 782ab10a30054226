/**
 * A cheap proof that a polynomial fraction has nothing to cancel, for `cancelTop` (`rational.ts`),
 * without multiplying the numerator out over all its atoms.
 *
 * `nothingCancels(numerator, bases)` is true only when the numerator N, read as a polynomial over
 * its atoms the way `toPoly` reads it, is not constant and has gcd 1 with each denominator base d.
 * False means "not known" (the caller does the full computation). Method, for each atom v of d:
 * every other atom is evaluated at a fixed residue modulo the prime P and the expressions are
 * multiplied out in v alone, giving images N', d' in F_P[v]. When d' keeps d's degree in v (its
 * leading coefficient does not vanish), the image of a common factor g of N and d keeps its degree
 * in v too and divides gcd(N', d') (Gauss's lemma: over the integers, g's leading coefficient in v
 * divides d's), so deg_v g <= deg gcd(N', d'). If that is 0 for every atom of d, g is constant.
 * N is not constant when one of its images has degree 1 or more. All arithmetic is on doubles
 * below 2^52, so it is exact.
 */
import type { Expr } from "../core/node.js";
import type { Rational } from "../core/rational.js";
import { NodeMemo } from "../core/memo.js";
import { leafOf } from "../poly/convert.js";
import { gcdMod, invMod, mulMod, type ModPoly } from "../poly/dense-mod.js";

/** A prime below 2^26: products of two residues stay below 2^52, exact in a double. */
const P = 67108859;
/** Images of higher degree are not built (the answer is then "not known"). */
const MAX_DEGREE = 256;
/** Most atoms of the numerator tried for a non-constant image after the denominators' atoms. */
const NONCONSTANT_TRIES = 3;

const NONE = {};

/** True only when the numerator is not constant and has no common factor with any base (see above). */
export function nothingCancels(numerator: Expr, bases: readonly Expr[]): boolean {
  const images = new Images();
  let nonConstant = false;
  const numeratorAtoms = atomsOf(numerator);
  for (const d of bases) {
    for (const v of atomsOf(d)) {
      // A common factor has only atoms of both (the numerator's non-constancy is checked below).
      if (!numeratorAtoms.has(v)) continue;
      const dv = images.image(d, v);
      if (dv === null || dv.length - 1 !== images.degreeBound(d, v)) return false;
      const nv = images.image(numerator, v);
      if (nv === null) return false;
      if (nv.length > 1) nonConstant = true;
      if (gcdMod(nv, dv, P).length > 1) return false;
    }
  }
  let tries = 0;
  for (const v of numeratorAtoms) {
    if (nonConstant || tries++ >= NONCONSTANT_TRIES) break;
    const nv = images.image(numerator, v);
    if (nv === null) return false;
    if (nv.length > 1) nonConstant = true;
  }
  return nonConstant;
}

/** Atom sets by expression: a pure function of the node, shared by every test. */
const atomSets = new NodeMemo<ReadonlySet<Expr>>();
const NO_ATOMS: ReadonlySet<Expr> = new Set();

/**
 * The atoms of `e` as `toPoly` reads them (sums, products and integer powers of sums opened). A
 * node whose atoms are all in one argument's set shares that set (sets are never mutated once
 * stored).
 */
function atomsOf(e: Expr): ReadonlySet<Expr> {
  const hit = atomSets.get(e);
  if (hit !== undefined) return hit;
  let out: ReadonlySet<Expr>;
  if (e.kind === "add" || e.kind === "mul") {
    out = NO_ATOMS;
    let owned = false;
    for (const a of e.args) {
      const s = atomsOf(a);
      if (s.size === 0 || s === out) continue;
      if (out.size === 0) {
        out = s;
        continue;
      }
      for (const x of s) {
        if (out.has(x)) continue;
        if (!owned) {
          out = new Set(out);
          owned = true;
        }
        (out as Set<Expr>).add(x);
      }
    }
  } else if (e.kind === "num") out = NO_ATOMS;
  else {
    const leaf = leafOf(e, {});
    out = "expand" in leaf ? atomsOf(leaf.expand) : new Set([leaf.atom]);
  }
  atomSets.set(e, out);
  return out;
}

function mod(n: bigint): number {
  const r = Number(n % BigInt(P));
  return r < 0 ? r + P : r;
}

/** The residue of a rational, or -1 when P divides its denominator. */
function residue(c: Rational): number {
  const d = mod(c.den);
  if (d === 0) return -1;
  return (mod(c.num) * invMod(d, P)) % P;
}

function addImages(a: ModPoly, b: ModPoly): ModPoly {
  const out = a.length >= b.length ? a.slice() : b.slice();
  const other = a.length >= b.length ? b : a;
  for (let i = 0; i < other.length; i++) out[i] = (out[i]! + other[i]!) % P;
  while (out.length > 0 && out[out.length - 1] === 0) out.length--;
  return out;
}

/** r^k mod P. */
function powResidue(r: number, k: number): number {
  let result = 1;
  let base = r;
  for (let e = k; e > 0; e = Math.floor(e / 2)) {
    if (e & 1) result = (result * base) % P;
    if (e > 1) base = (base * base) % P;
  }
  return result;
}

function powImage(a: ModPoly, k: number): ModPoly | null {
  if (a.length === 0) return k === 0 ? [1] : [];
  if ((a.length - 1) * k > MAX_DEGREE) return null;
  let result: ModPoly = [1];
  let base = a;
  for (let e = k; e > 0; e = Math.floor(e / 2)) {
    if (e & 1) result = mulMod(result, base, P);
    if (e > 1) base = mulMod(base, base, P);
  }
  return result;
}

/**
 * The atoms, residues and univariate images of one test (atoms get residues in order of use). An
 * expression without the atom v has a constant image, its value at the residues, the same for
 * every such v: it is computed once per test, as a residue (`value`).
 */
class Images {
  private readonly residues = new Map<Expr, number>();
  private readonly images = new Map<Expr, Map<Expr, ModPoly | typeof NONE>>();
  private readonly values = new Map<Expr, number>();
  private readonly degrees = new Map<Expr, Map<Expr, number>>();

  /** An upper bound on the degree in the atom v of `e`'s polynomial. */
  degreeBound(e: Expr, v: Expr): number {
    let memo = this.degrees.get(v);
    if (memo === undefined) this.degrees.set(v, (memo = new Map<Expr, number>()));
    const hit = memo.get(e);
    if (hit !== undefined) return hit;
    let out = 0;
    if (e.kind === "add") for (const a of e.args) out = Math.max(out, this.degreeBound(a, v));
    else if (e.kind === "mul") for (const a of e.args) out += this.degreeBound(a, v);
    else if (e.kind !== "num") {
      const leaf = leafOf(e, {});
      out = "expand" in leaf ? leaf.k * this.degreeBound(leaf.expand, v) : leaf.atom === v ? leaf.k : 0;
    }
    memo.set(e, out);
    return out;
  }

  /** The image of `e` in F_P[v] (lowest degree first, trimmed), or null when it cannot be taken. */
  image(e: Expr, v: Expr): ModPoly | null {
    if (!atomsOf(e).has(v)) {
      const r = this.value(e);
      return r < 0 ? null : r === 0 ? [] : [r];
    }
    let memo = this.images.get(v);
    if (memo === undefined) this.images.set(v, (memo = new Map<Expr, ModPoly | typeof NONE>()));
    const hit = memo.get(e);
    if (hit !== undefined) return hit === NONE ? null : (hit as ModPoly);
    const out = this.compute(e, v);
    memo.set(e, out ?? NONE);
    return out;
  }

  private compute(e: Expr, v: Expr): ModPoly | null {
    if (e.kind === "num") {
      const r = residue(e.value);
      return r < 0 ? null : r === 0 ? [] : [r];
    }
    if (e.kind === "add") {
      let acc: ModPoly = [];
      for (const a of e.args) {
        const x = this.image(a, v);
        if (x === null) return null;
        acc = addImages(acc, x);
      }
      return acc;
    }
    if (e.kind === "mul") {
      let acc: ModPoly = [1];
      for (const a of e.args) {
        const x = this.image(a, v);
        if (x === null || acc.length + x.length - 2 > MAX_DEGREE) return null;
        acc = x.length === 1 ? acc.map((c) => (c * x[0]!) % P) : mulMod(acc, x, P);
      }
      return acc;
    }
    const leaf = leafOf(e, {});
    if ("expand" in leaf) {
      const base = this.image(leaf.expand, v);
      return base === null ? null : powImage(base, leaf.k);
    }
    if (leaf.atom === v) {
      if (leaf.k > MAX_DEGREE) return null;
      const out = new Array<number>(leaf.k + 1).fill(0);
      out[leaf.k] = 1;
      return out;
    }
    return powImage([this.residueOf(leaf.atom)], leaf.k);
  }

  /** The residue of `e` with every atom at its residue, or -1 when P divides a denominator. */
  private value(e: Expr): number {
    const hit = this.values.get(e);
    if (hit !== undefined) return hit;
    let out: number;
    if (e.kind === "num") out = residue(e.value);
    else if (e.kind === "add" || e.kind === "mul") {
      out = e.kind === "add" ? 0 : 1;
      for (const a of e.args) {
        const x = this.value(a);
        if (x < 0) {
          out = -1;
          break;
        }
        out = e.kind === "add" ? (out + x) % P : (out * x) % P;
      }
    } else {
      const leaf = leafOf(e, {});
      const base = "expand" in leaf ? this.value(leaf.expand) : this.residueOf(leaf.atom);
      out = base < 0 ? -1 : powResidue(base, leaf.k);
    }
    this.values.set(e, out);
    return out;
  }

  /** The fixed residue of an atom other than the variable (never 0 or 1). */
  private residueOf(atom: Expr): number {
    let r = this.residues.get(atom);
    if (r === undefined) this.residues.set(atom, (r = 2 + (((this.residues.size + 1) * 1_000_003 + 7_919) % (P - 2))));
    return r;
  }
}
