/**
 * A lower bound on the cost of an expansion, read from its image modulo a prime: what lets the
 * simplifier's expand strategy (`expandShallow`) refuse a multiplied-out form that cannot win
 * without building it over the rationals.
 *
 * The image. `toPoly(e)` is built by ring operations (sums, products, integer powers) on Laurent
 * polynomials over the rationals in the atoms of `e`. The same operations run here on polynomials
 * in one variable over the integers modulo PRIME, each monomial packed into one exponent: the
 * monomial with exponents k_i becomes t^(k_1*w_1 + k_2*w_2 + ...). Reducing the coefficients and
 * packing the exponents is a ring homomorphism, so the result is the image of the expansion. The
 * weights w_i are the mixed radices of the exponent ranges the expansion's terms can have
 * (`Shape.ranges`), so the packing is one-to-one on those terms: each term of the image is one
 * term of the expansion, decoded with its exponents. Terms whose coefficient is divisible by PRIME
 * vanish from the image, and a coefficient that is not ±1 modulo PRIME is not ±1; so costing the
 * image as `costLowerBound` costs a polynomial (any other coefficient as an integer other than
 * ±1, its cheapest form) never exceeds `costLowerBound` of the expansion.
 *
 * The image at every node has at most the terms `toPoly` builds at that node, so an image past
 * the terms cap in force means `toPoly` would refuse the expansion (`maxExpandTerms`).
 *
 * Arithmetic on doubles: residues are below PRIME < 2^26, so a product of two is exact below
 * 2^52; packed exponents (of partial results too, which may leave the box) are checked to stay
 * at most 2^52 in magnitude, so their sums are exact.
 */
import { compareExpr } from "../core/compare.js";
import { NodeMemo } from "../core/memo.js";
import type { Expr } from "../core/node.js";
import { Rational } from "../core/rational.js";
import { invMod } from "../poly/dense-mod.js";
import { AtomTable, leafOf, type ToPolyOptions } from "../poly/convert.js";
import { maxTerms } from "../poly/poly.js";
import { cost, fractionCost } from "./cost.js";

/** How `expandShallow` reads a node: negative powers of atoms are negative exponents. */
const OPTIONS: ToPolyOptions = { allowNegative: true };
/** A prime below 2^26 (2^26 - 5). */
const PRIME = 67_108_859;
const BIG_PRIME = BigInt(PRIME);
/** Packed exponents stay at most this in magnitude (a sum of two is still a safe integer). */
const SAFE = 2 ** 52;
/** Most term pairs the image multiplies before giving up (the candidate work budget's size). */
const MAX_IMAGE_WORK = 20_000;

/** A polynomial's image: packed exponent -> non-zero residue. */
type Image = Map<number, number>;

/** Why the image was abandoned: too much work, or a denominator divisible by PRIME. */
const GIVE_UP = new Error("expansion image abandoned");
/** The image passed the terms cap: `toPoly` would throw. */
const TOO_MANY_TERMS = new Error("expansion image past the terms cap");

/**
 * A lower bound on `costLowerBound(toPoly(e, table, { allowNegative: true }), table)` for the table
 * of the atoms of `e` (`expansionAtomTable`); Infinity when that `toPoly` would throw for too many
 * terms (the terms cap in force); 0 when the image cannot tell (exponents too many or too large to
 * pack, more than MAX_IMAGE_WORK term pairs, or a denominator divisible by PRIME).
 */
export function expansionCostFloor(e: Expr, table: AtomTable): number {
  const cap = maxTerms();
  const shape = shapeOf(e);
  // toPoly's own refusal (its dense path, for one atom, does not look at this bound).
  if (table.atoms.length !== 1 && shape.terms > 4 * cap) return Infinity;
  try {
    const layout = packing(shape.ranges, table);
    if (layout === null) return 0;
    return imageCost(new ImageBuilder(table, layout.weights, cap).of(e), table, layout);
  } catch (err) {
    if (err === TOO_MANY_TERMS) return Infinity;
    if (err === GIVE_UP) return 0;
    throw err;
  }
}

/** An atom's lowest and highest exponent over the terms of a node's expansion. */
interface Range {
  lo: number;
  hi: number;
}

/** Per atom of a node (absent: exponent 0 in every term). */
type Ranges = ReadonlyMap<Expr, Readonly<Range>>;

/** What the image needs to know of a node before building it; a pure function of the node. */
interface Shape {
  /**
   * The exponent ranges of the node's expansion as `toPoly` reads it (with `allowNegative`):
   * the hull over a sum's terms (an atom absent from a term has exponent 0 there), the sum over
   * a product's factors, k times the base's for a k-th power. An over-approximation: every term
   * of the expansion has its exponents in these ranges.
   */
  readonly ranges: Ranges;
  /**
   * `termBound` without its cap (a sum adds its terms', a product multiplies its factors', u^k of
   * n terms is C(n+k-1, k)), a power's stopped once past SAFE: every step is monotone, so it
   * exceeds a cap below SAFE exactly when `termBound(x, options, cap)` does.
   */
  readonly terms: number;
}

/** Shapes kept across calls: a node's are read again for every larger node containing it. */
const shapes = new NodeMemo<Shape>();

function shapeOf(x: Expr): Shape {
  const hit = shapes.get(x);
  if (hit !== undefined) return hit;
  const ranges = new Map<Expr, Range>();
  let terms = 1;
  if (x.kind === "add") {
    const seen = new Map<Expr, number>();
    terms = 0;
    for (const t of x.args) {
      const part = shapeOf(t);
      terms += part.terms;
      for (const [a, r] of part.ranges) {
        const o = ranges.get(a);
        if (o === undefined) ranges.set(a, { lo: r.lo, hi: r.hi });
        else {
          o.lo = Math.min(o.lo, r.lo);
          o.hi = Math.max(o.hi, r.hi);
        }
        seen.set(a, (seen.get(a) ?? 0) + 1);
      }
    }
    for (const [a, o] of ranges) {
      if (seen.get(a)! === x.args.length) continue;
      o.lo = Math.min(o.lo, 0);
      o.hi = Math.max(o.hi, 0);
    }
  } else if (x.kind === "mul") {
    for (const f of x.args) {
      const part = shapeOf(f);
      terms *= part.terms;
      for (const [a, r] of part.ranges) {
        const o = ranges.get(a);
        if (o === undefined) ranges.set(a, { lo: r.lo, hi: r.hi });
        else {
          o.lo += r.lo;
          o.hi += r.hi;
        }
      }
    }
  } else if (x.kind !== "num") {
    const leaf = leafOf(x, OPTIONS);
    if ("expand" in leaf) {
      const base = shapeOf(leaf.expand);
      for (let i = 1; i <= leaf.k && terms <= SAFE; i++) terms = (terms * (base.terms + i - 1)) / i;
      for (const [a, r] of base.ranges) ranges.set(a, { lo: r.lo * leaf.k, hi: r.hi * leaf.k });
    } else ranges.set(leaf.atom, { lo: leaf.k, hi: leaf.k });
  }
  const shape = { ranges, terms };
  shapes.set(x, shape);
  return shape;
}

/**
 * The atoms of the expansion of `e` (with `allowNegative`), sorted structurally: the table
 * `sortedAtomTable([e], { allowNegative: true })` builds, read from the memoised ranges.
 */
export function expansionAtomTable(e: Expr): AtomTable {
  return new AtomTable([...shapeOf(e).ranges.keys()].sort(compareExpr));
}

/** How the exponents of the atoms of a table pack into one. */
interface Packing {
  /** Atom i's weight: the product of the radices (numbers of exponents lo..hi) of atoms 0..i-1. */
  readonly weights: readonly number[];
  readonly lo: readonly number[];
  /** The packed lowest exponents: a term's packed exponent minus this has digits exponent - lo. */
  readonly offset: number;
}

/** The packing of the atoms of `table` for `ranges`, or null when it does not fit the safe integers. */
function packing(ranges: Ranges, table: AtomTable): Packing | null {
  const weights: number[] = [];
  const lo: number[] = [];
  let w = 1;
  let offset = 0;
  for (const a of table.atoms) {
    const r = ranges.get(a)!;
    weights.push(w);
    lo.push(r.lo);
    offset += safe(r.lo * w);
    w *= r.hi - r.lo + 1;
    if (w > SAFE || offset > SAFE || offset < -SAFE) return null;
  }
  return { weights, lo, offset };
}

/** Builds the images of nodes the way `toPoly` builds their polynomials, memoised per node. */
class ImageBuilder {
  private readonly memo = new Map<Expr, Image>();
  private work = 0;

  constructor(
    private readonly table: AtomTable,
    private readonly weights: readonly number[],
    private readonly cap: number,
  ) {}

  of(x: Expr): Image {
    const hit = this.memo.get(x);
    if (hit !== undefined) return hit;
    let out: Image;
    if (x.kind === "num") {
      const r = residue(x.value);
      out = r === 0 ? new Map<number, number>() : new Map([[0, r]]);
    } else if (x.kind === "add") {
      out = new Map<number, number>();
      for (const t of x.args) for (const [k, c] of this.of(t)) accumulate(out, k, c);
    } else if (x.kind === "mul") {
      // The monomial factors are gathered into one shift of the product of the others.
      let shift = 0;
      let scale = 1;
      let product: Image | null = null;
      for (const f of x.args) {
        const factor = this.of(f);
        if (factor.size === 1) {
          const [k, c] = factor.entries().next().value!;
          shift = safe(shift + k);
          scale = (scale * c) % PRIME;
        } else product = product === null ? factor : this.mul(product, factor);
      }
      out = product === null ? new Map([[shift, scale]]) : this.shifted(product, shift, scale);
    } else {
      const leaf = leafOf(x, OPTIONS);
      out = "expand" in leaf ? this.pow(this.of(leaf.expand), leaf.k) : new Map([[safe(leaf.k * this.weights[this.table.indexOf(leaf.atom)]!), 1]]);
    }
    if (out.size > this.cap) throw TOO_MANY_TERMS;
    this.memo.set(x, out);
    return out;
  }

  /** c * t^k * a. */
  private shifted(a: Image, k: number, c: number): Image {
    if (k === 0 && c === 1) return a;
    this.work += a.size;
    const out: Image = new Map();
    for (const [ka, ca] of a) out.set(safe(ka + k), (ca * c) % PRIME);
    return out;
  }

  private mul(a: Image, b: Image): Image {
    this.work += a.size * b.size;
    if (this.work > MAX_IMAGE_WORK) throw GIVE_UP;
    const out: Image = new Map();
    for (const [ka, ca] of a) for (const [kb, cb] of b) accumulate(out, safe(ka + kb), (ca * cb) % PRIME);
    return out;
  }

  private pow(a: Image, k: number): Image {
    let result: Image = new Map([[0, 1]]);
    let base = a;
    for (let e = k; e > 0; e >>= 1) {
      if (e & 1) result = this.mul(result, base);
      if (e > 1) base = this.mul(base, base);
    }
    return result;
  }
}

/**
 * `k`, a packed exponent, when it is at most SAFE in magnitude (GIVE_UP otherwise): every stored
 * exponent is, so the sum of two is an exact double.
 */
function safe(k: number): number {
  if (k > SAFE || k < -SAFE) throw GIVE_UP;
  return k;
}

/** Adds c * t^k to `image` in place (dropping a coefficient that becomes 0). */
function accumulate(image: Image, k: number, c: number): void {
  const s = ((image.get(k) ?? 0) + c) % PRIME;
  if (s === 0) image.delete(k);
  else image.set(k, s);
}

/** The residue of r modulo PRIME (GIVE_UP for a denominator divisible by PRIME). */
function residue(r: Rational): number {
  const num = Number(((r.num % BIG_PRIME) + BIG_PRIME) % BIG_PRIME);
  if (r.den === 1n || num === 0) return num;
  const den = Number(r.den % BIG_PRIME);
  if (den === 0) throw GIVE_UP;
  return (num * invMod(den, PRIME)) % PRIME;
}

const TWO = Rational.int(2n);

/**
 * `costLowerBound` of the polynomial the image decodes to: each packed exponent, less the offset,
 * unpacked into the atoms' exponents (digit i, plus lo[i]), each coefficient as 1 when it is ±1 modulo PRIME and as
 * 2 otherwise.
 */
function imageCost(image: Image, table: AtomTable, { weights, lo, offset }: Packing): number {
  const atomCost = table.atoms.map(cost);
  let total = Math.max(0, image.size - 1);
  for (const [packed, c] of image) {
    let rest = packed - offset;
    let numCount = 0;
    let numCost = 0;
    let denCount = 0;
    let denCost = 0;
    for (let i = lo.length - 1; i >= 0; i--) {
      const digit = Math.floor(rest / weights[i]!);
      rest -= digit * weights[i]!;
      const k = digit + lo[i]!;
      if (k === 0) continue;
      const powerCost = atomCost[i]! + (k > 1 || k < -1 ? 2 : 0);
      if (k > 0) {
        numCount++;
        numCost += powerCost;
      } else {
        denCount++;
        denCost += powerCost;
      }
    }
    total += fractionCost(c === 1 || c === PRIME - 1 ? Rational.ONE : TWO, numCount, numCost, denCount, denCost);
  }
  return total;
}
