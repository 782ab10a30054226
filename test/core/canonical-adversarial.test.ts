/**
 * An adversarial read of the fast sum construction (unbuilt rests, insertion sort), the pending
 * sums of `diff`, the free-symbol slots and the one-young-map intern tables. Each property states
 * a law against an independent model: a sum rebuilt by a plain coefficient map, free symbols by a
 * plain walk, a rational order by subtraction, a node rebuilt from a plain copy of its structure.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diffExpr } from "../../src/calculus/diff.js";
import { addAll, applied, call, compareTerms, constant, derivative, mulAll, num, ONE, pow, splitCoefficient, sym, ZERO } from "../../src/core/build.js";
import { compareExpr } from "../../src/core/compare.js";
import { SymgradError } from "../../src/core/errors.js";
import { canonicalViolations } from "../../src/core/invariants.js";
import { clearCaches } from "../../src/core/memo.js";
import type { Expr } from "../../src/core/node.js";
import { Rational } from "../../src/core/rational.js";
import { freeSymbolSet } from "../../src/core/traverse.js";
import { generation, WeakHashTable, WeakValueMap } from "../../src/core/weak-intern.js";
import { arbExpr } from "../support/arbitrary.js";
import "../../src/print/plain.js"; // String(node) shows the formula in failure messages

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const x = sym("x");
const y = sym("y");
const z = sym("z");
const q = (n: number, d = 1): Rational => Rational.of(n, d);

/** Factors a term is made of: atoms, calls, powers, numeric radicals, an undefined function, sums. */
const FACTORS: readonly Expr[] = [
  x,
  y,
  z,
  constant("pi"),
  call("sin", [x]),
  call("exp", [y]),
  pow(x, num(2)),
  pow(y, num(q(1, 2))),
  pow(num(2), num(q(1, 2))),
  pow(num(3), num(q(1, 3))),
  applied("f", [0, 0], [x, y]),
  addAll([x, ONE]),
  pow(addAll([x, y]), num(2)),
];

/** Coefficients with shared rests in mind: 0, +-1, and fractions over different denominators. */
const arbCoefficient: fc.Arbitrary<Rational> = fc.oneof(
  fc.constantFrom(q(0), q(1), q(-1), q(2), q(-2), q(1, 2), q(-1, 2), q(1, 3), q(-1, 6), q(5, 6), q(-7, 4)),
  fc.tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: 1, max: 12 })).map(([n, d]) => q(n, d)),
);

/** A term c*f1*...*fk of 0 to 4 factors from a small pool, so that rests repeat often. */
const arbTerm: fc.Arbitrary<Expr> = fc
  .tuple(arbCoefficient, fc.subarray([...FACTORS], { minLength: 0, maxLength: 4 }))
  .map(([c, fs]) => mulAll([num(c), ...fs]));

/** Term lists on both sides of the insertion-sort threshold (12). */
const arbTerms: fc.Arbitrary<Expr[]> = fc.array(arbTerm, { minLength: 0, maxLength: 30 });

/**
 * The model of a canonical sum: flatten, add the numbers, add the coefficients of each rest (built
 * with `splitCoefficient`, as nodes), drop zeros, order by `compareExpr` of the rests.
 */
function modelSum(terms: readonly Expr[]): Expr {
  let constantPart = Rational.ZERO;
  const byRest = new Map<Expr, Rational>();
  for (const t of terms.flatMap((u) => (u.kind === "add" ? u.args : [u]))) {
    if (t.kind === "num") {
      constantPart = constantPart.add(t.value);
      continue;
    }
    const [c, rest] = splitCoefficient(t);
    byRest.set(rest, (byRest.get(rest) ?? Rational.ZERO).add(c));
  }
  const rests = [...byRest.keys()].filter((r) => !byRest.get(r)!.isZero()).sort(compareExpr);
  const args = rests.map((r) => (byRest.get(r)!.isOne() ? r : mulAll([num(byRest.get(r)!), r])));
  if (!constantPart.isZero()) args.unshift(num(constantPart));
  return args.length === 0 ? ZERO : args.length === 1 ? args[0]! : ({ kind: "model", args } as unknown as Expr);
}

/** Whether `e` is the sum the model describes (the same node, or a sum of exactly those terms). */
function isModel(e: Expr, model: Expr): boolean {
  if ((model as { kind: string }).kind !== "model") return e === model;
  return e.kind === "add" && e.args.length === model.args.length && e.args.every((t, i) => t === model.args[i]);
}

/** A permutation of `xs` drawn from `seed` (fast-check shrinks the seed list). */
function permute<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs
    .map((v, i) => [keys[i % Math.max(1, keys.length)]! + i / 1000, v] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, v]) => v);
}

const arbKeys = fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 30 });

describe("addAll against a coefficient-map model (property)", () => {
  it("collects like terms (rests built or unbuilt, any denominators, to zero) in compareExpr order of the rests", () => {
    fc.assert(
      fc.property(arbTerms, (terms) => {
        const s = addAll(terms);
        expect(isModel(s, modelSum(terms))).toBe(true);
        expect(canonicalViolations(s)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("collects and orders terms made of deep factors (inert derivatives, calls of sums, radicals of negatives)", () => {
    const deepFactor = fc.oneof(
      arbExpr(2).filter((e) => e.kind !== "num"),
      fc.constantFrom(derivative(applied("g", [0], [x]), [x]), pow(num(-2), num(q(1, 3))), call("sin", [addAll([x, mulAll([num(q(1, 2)), y])])])),
    );
    const deepTerm = fc.tuple(arbCoefficient, fc.array(deepFactor, { maxLength: 3 })).map(([c, fs]) => mulAll([num(c), ...fs]));
    fc.assert(
      fc.property(fc.array(deepTerm, { maxLength: 20 }), fc.array(fc.nat(20), { maxLength: 20 }), (terms, picks) => {
        // Repeat some terms with new coefficients, so that deep rests meet built and unbuilt.
        const again = picks.filter((i) => i < terms.length).map((i, j) => mulAll([num(q(j - 3, 1 + (j % 4))), terms[i]!]));
        const all = [...terms, ...again];
        const s = addAll(all);
        expect(isModel(s, modelSum(all))).toBe(true);
        expect(canonicalViolations(s)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("does not depend on the order of the terms", () => {
    fc.assert(
      fc.property(arbTerms, arbKeys, (terms, keys) => {
        expect(addAll(permute(terms, keys))).toBe(addAll(terms));
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on grouping: a sum of partial sums is the sum of all terms", () => {
    fc.assert(
      fc.property(arbTerms, fc.array(fc.nat(30), { maxLength: 4 }), (terms, cuts) => {
        const bounds = [0, ...cuts.map((c) => c % (terms.length + 1)).sort((a, b) => a - b), terms.length];
        const parts = bounds.slice(1).map((end, i) => addAll(terms.slice(bounds[i], end)));
        expect(addAll(parts)).toBe(addAll(terms));
      }),
      { numRuns: 300 },
    );
  });

  it("adds a term and its negation to nothing, whatever else is in the sum", () => {
    fc.assert(
      fc.property(arbTerms, arbTerm, arbKeys, (terms, t, keys) => {
        const negated = mulAll([num(-1), t]);
        expect(addAll(permute([...terms, t, negated], keys))).toBe(addAll(terms));
      }),
      { numRuns: 200 },
    );
  });

  it("orders a sum's terms by compareTerms, which is a strict order on them", () => {
    fc.assert(
      fc.property(arbTerms, (terms) => {
        const s = addAll(terms);
        if (s.kind !== "add") return;
        const ts = s.args[0]!.kind === "num" ? s.args.slice(1) : s.args;
        for (let i = 0; i < ts.length; i++) {
          for (let j = 0; j < ts.length; j++) expect(Math.sign(compareTerms(ts[i]!, ts[j]!))).toBe(Math.sign(i - j));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("collects a rest of several factors written with and without a coefficient (3*x*y + x*y)", () => {
    const xy = mulAll([x, y]);
    const cases: [Expr[], Expr][] = [
      [[mulAll([num(3), x, y]), xy], mulAll([num(4), x, y])],
      [[xy, mulAll([num(q(1, 2)), x, y]), mulAll([num(q(-1, 3)), x, y])], mulAll([num(q(7, 6)), x, y])],
      [[mulAll([num(-1), x, y]), xy], ZERO],
      [[mulAll([num(q(1, 2)), x, y]), mulAll([num(q(1, 2)), x, y])], xy],
      [[mulAll([num(q(1, 2)), x, y, z]), mulAll([num(q(3, 2)), x, y, z]), z], addAll([z, mulAll([num(2), x, y, z])])],
    ];
    for (const [terms, expected] of cases) {
      for (const order of [terms, [...terms].reverse()]) expect(addAll(order)).toBe(expected);
    }
  });
});

/** Factors for products: no sums (a number times one sum is distributed, which groups differently). */
const PRODUCT_FACTORS: readonly Expr[] = [
  x,
  y,
  pow(x, num(q(1, 2))),
  pow(x, num(-1)),
  pow(y, x),
  call("exp", [x]),
  constant("e"),
  pow(num(2), num(q(1, 2))),
  pow(num(2), x),
  call("abs", [z]),
  pow(z, num(2)),
  num(q(-3, 2)),
  num(2),
];
const arbFactors = fc.array(fc.constantFrom(...PRODUCT_FACTORS), { maxLength: 20 });

/**
 * Factors whose merges leave their base, each beside the factors its merge must meet again: exp
 * and e (exp(x)*exp(x) is exp(2*x), e*e is exp(2)), abs beside powers of its argument (abs(z)^2
 * is z^2), numeric radicals beside numeric bases with symbolic exponents (sqrt(2)*sqrt(2) is 2).
 * Left out, as still grouping-dependent: sums (a number times one sum is distributed:
 * (2*(x + 1))*(x + 1) is (x + 1)*(2*x + 2), 2*(x + 1)*(x + 1) is 2*(x + 1)^2); powers of a product
 * base ((x*y)^(1/2) squared is x*y, which no longer merges with (x*y)^(-1/2)); symbolic exponents
 * of abs(u) or of u beside abs(u) (abs(z)^y*abs(z)^3 vs (z^2*abs(z))*abs(z)^y); negative numeric
 * bases ((-2)^(x + 1/2) keeps its rational term: b^c*b^u is not real for every real u); powers
 * whose b^c is over 64 bits (2^(x + 100) keeps its rational term: no huge coefficients).
 */
const MERGING_FACTORS: readonly Expr[] = [
  x,
  pow(x, num(-1)),
  pow(x, num(q(1, 2))),
  call("exp", [x]),
  call("exp", [mulAll([num(2), x])]),
  call("exp", [mulAll([num(-1), x])]),
  call("exp", [mulAll([num(q(1, 2)), x])]),
  call("exp", [addAll([x, ONE])]),
  call("exp", [addAll([mulAll([num(-2), x]), num(-2)])]),
  call("exp", [y]),
  call("exp", [num(2)]),
  call("exp", [mulAll([num(q(1, 2)), call("log", [y])])]),
  call("exp", [addAll([mulAll([num(q(1, 2)), call("log", [y])]), x])]),
  pow(y, num(-1)),
  call("exp", [mulAll([x, y])]),
  call("exp", [mulAll([num(-2), x, y])]),
  call("abs", [x]),
  pow(call("abs", [x]), num(q(3, 2))),
  constant("e"),
  call("abs", [z]),
  pow(call("abs", [z]), num(-1)),
  pow(call("abs", [z]), num(q(1, 2))),
  pow(call("abs", [z]), num(q(-3, 2))),
  z,
  pow(z, num(2)),
  pow(z, num(-3)),
  pow(z, num(q(1, 3))),
  pow(num(2), num(q(1, 2))),
  pow(num(2), num(q(1, 3))),
  pow(num(2), x),
  pow(num(2), mulAll([num(-1), x])),
  pow(num(2), addAll([x, num(q(1, 2))])),
  pow(num(3), num(q(1, 2))),
  pow(num(3), addAll([x, num(2)])),
  pow(num(q(1, 3)), x),
  num(q(-3, 2)),
  num(2),
];

/**
 * The product of `fs` in a grouping drawn from `choices`: each choice either multiplies the
 * factors at hand in one call or cuts them in two and groups each side the same way.
 */
function groupedProduct(fs: readonly Expr[], choices: readonly number[], at = { next: 0 }): Expr {
  if (fs.length <= 2) return mulAll(fs);
  const c = choices[at.next++ % choices.length]!;
  if (c % 5 === 0) return mulAll(fs);
  const cut = 1 + (c % (fs.length - 1));
  return mulAll([groupedProduct(fs.slice(0, cut), choices, at), groupedProduct(fs.slice(cut), choices, at)]);
}

const arbChoices = fc.array(fc.nat(1000), { minLength: 1, maxLength: 20 });

describe("mulAll: order and grouping (property)", () => {
  it("does not depend on the order of the factors", () => {
    fc.assert(
      fc.property(arbFactors, arbKeys, (fs, keys) => {
        const p = mulAll(fs);
        expect(mulAll(permute(fs, keys))).toBe(p);
        expect(canonicalViolations(p)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on grouping (factors without sums)", () => {
    fc.assert(
      fc.property(arbFactors, fc.nat(20), (fs, cut) => {
        const k = cut % (fs.length + 1);
        expect(mulAll([mulAll(fs.slice(0, k)), mulAll(fs.slice(k))])).toBe(mulAll(fs));
      }),
      { numRuns: 300 },
    );
  });

  it("gives one node for a multiset of factors whose merges leave their base, in any grouping and order", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MERGING_FACTORS), { maxLength: 12 }), arbKeys, arbChoices, (fs, keys, choices) => {
        const p = mulAll(fs);
        expect(canonicalViolations(p)).toEqual([]);
        expect(groupedProduct(permute(fs, keys), choices)).toBe(p);
      }),
      { numRuns: 1500 },
    );
  });

  it("gives one node for the products the review found grouping-dependent", () => {
    const ex = call("exp", [x]);
    const az = call("abs", [z]);
    const r2 = pow(num(2), num(q(1, 2)));
    const twoX = pow(num(2), x);
    const e = constant("e");
    // [groupings of one product, its canonical node]
    const cases: [Expr[], Expr][] = [
      [[mulAll([ex, mulAll([ex, ex])]), mulAll([mulAll([ex, ex]), ex]), pow(ex, num(3))], call("exp", [mulAll([num(3), x])])],
      [[mulAll([e, mulAll([e, e])]), mulAll([mulAll([e, e]), e]), pow(e, num(3))], call("exp", [num(3)])],
      [[mulAll([ex, call("exp", [mulAll([num(-1), x])])]), mulAll([mulAll([ex, ex]), pow(ex, num(-2))])], ONE],
      [[pow(az, num(3)), mulAll([pow(z, num(2)), az]), mulAll([az, mulAll([az, az])])], pow(az, num(3))],
      [[mulAll([mulAll([az, az]), pow(az, num(-1))]), mulAll([az, mulAll([az, pow(az, num(-1))])])], az],
      [[mulAll([mulAll([r2, r2]), twoX]), mulAll([r2, mulAll([r2, twoX])])], mulAll([num(2), twoX])],
    ];
    for (const [groupings, expected] of cases) {
      expect(canonicalViolations(expected)).toEqual([]);
      for (const g of groupings) expect(g).toBe(expected);
    }
  });
});

/** The plain structure of a node, with no reference to any node object. */
type Plain =
  | { k: "num"; n: string; d: string }
  | { k: "sym" | "const"; name: string }
  | { k: "call"; fn: string; a: Plain[] }
  | { k: "add" | "mul" | "pow"; a: Plain[] }
  | { k: "apply"; name: string; o: number[]; a: Plain[] };

function toPlain(e: Expr): Plain {
  switch (e.kind) {
    case "num":
      return { k: "num", n: e.value.num.toString(), d: e.value.den.toString() };
    case "sym":
    case "const":
      return { k: e.kind, name: e.name };
    case "call":
      return { k: "call", fn: e.fn, a: e.args.map(toPlain) };
    case "apply":
      return { k: "apply", name: e.name, o: [...e.orders], a: e.args.map(toPlain) };
    case "add":
    case "mul":
    case "pow":
      return { k: e.kind, a: e.args.map(toPlain) };
    case "deriv":
      throw new Error("no inert derivatives here");
  }
}

/** Rebuilds a plain structure through the public builders, arguments in reverse order where they commute. */
function fromPlain(p: Plain): Expr {
  switch (p.k) {
    case "num":
      return num(Rational.of(BigInt(p.n), BigInt(p.d)));
    case "sym":
      return sym(p.name);
    case "const":
      return constant(p.name as "pi" | "e");
    case "call":
      return call(p.fn as Parameters<typeof call>[0], p.a.map(fromPlain));
    case "apply":
      return applied(p.name, p.o, p.a.map(fromPlain));
    case "add":
      return addAll(p.a.map(fromPlain).reverse());
    case "mul":
      return mulAll(p.a.map(fromPlain).reverse());
    case "pow":
      return pow(fromPlain(p.a[0]!), fromPlain(p.a[1]!));
  }
}

/** Ends the current job (V8 keeps WeakRef targets alive until then) and collects garbage. */
async function collect(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await new Promise((r) => setImmediate(r));
    gc();
  }
}

/** `count` fresh nodes nobody keeps, enough to rotate small young generations. */
let churned = 0;
function churn(count: number): void {
  for (let i = 0; i < count; i++) addAll([z, num(1_000_000_007 + churned++)]);
}

describe("interning across rotations, collections and clearCaches", () => {
  let saved = 0;
  beforeEach(() => {
    saved = generation.capacity;
    generation.capacity = 64;
  });
  afterEach(() => {
    generation.capacity = saved;
  });

  it("rebuilds a kept node, from a plain copy of its structure, as the same object (property)", async () => {
    const samples = fc.sample(arbExpr(3), { numRuns: 60, seed: 20261203 });
    const plains = samples.map(toPlain);
    for (let round = 0; round < 3; round++) {
      churn(300);
      if (round === 1) clearCaches();
      await collect();
      samples.forEach((e, i) => expect(fromPlain(plains[i]!)).toBe(e));
    }
  });

  it("keeps symbols, safe integers and big rationals unique through their tables' rotations and collections", async () => {
    const kept = [sym("kept_a"), num(123_456), num(-(2 ** 40)), num(Rational.of(1n << 70n, 3n)), mulAll([sym("kept_b"), num(777)])];
    const plains = kept.map(toPlain);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 200; i++) {
        sym(`churn_${round}_${i}`);
        num(10_000 + round * 1000 + i);
        num(Rational.of(BigInt(i) + (1n << 64n), 7n));
      }
      await collect();
      kept.forEach((e, i) => expect(fromPlain(plains[i]!)).toBe(e));
    }
  });

  it("keeps one node per structure when a forgotten structure is built again (a node found old, then lost)", async () => {
    const plain = toPlain(addAll([mulAll([num(q(7, 3)), x, y, call("sin", [z])]), pow(x, num(q(1, 2)))]));
    for (let round = 0; round < 3; round++) {
      const a = fromPlain(plain);
      churn(200);
      const b = fromPlain(plain); // found in the old generation, kept young again
      expect(b).toBe(a);
      churn(200);
      await collect();
      expect(fromPlain(plain)).toBe(a);
    }
  });
});

/** An object to intern by key. */
class Boxed {
  constructor(readonly key: number) {}
}
const sameKey = (b: Boxed, key: number): boolean => b.key === key;

describe("the intern tables against a map model (property)", () => {
  let saved = 0;
  beforeEach(() => {
    saved = generation.capacity;
    generation.capacity = 3;
  });
  afterEach(() => {
    generation.capacity = saved;
  });

  it("WeakHashTable: finds the one object per key through rotations, hits in the old generation and colliding hashes", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { maxLength: 120 }), fc.integer({ min: 1, max: 5 }), (keys, buckets) => {
        const table = new WeakHashTable<Boxed>();
        const model = new Map<number, Boxed>(); // every object stays referenced here
        for (const k of keys) {
          const found = table.find(k % buckets, sameKey, k, undefined, undefined);
          if (model.has(k)) expect(found).toBe(model.get(k));
          else {
            expect(found).toBeUndefined();
            model.set(k, table.add(k % buckets, new Boxed(k)));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("WeakValueMap: finds the one object per key through rotations and hits in the old generation", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { maxLength: 120 }), (keys) => {
        const table = new WeakValueMap<number, Boxed>();
        const model = new Map<number, Boxed>();
        for (const k of keys) {
          const found = table.get(k);
          if (model.has(k)) expect(found).toBe(model.get(k));
          else {
            expect(found).toBeUndefined();
            model.set(k, table.set(k, new Boxed(k)));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the referenced objects after collections (colliding hashes)", async () => {
    const table = new WeakHashTable<Boxed>();
    const kept = new Map<number, Boxed>();
    for (let round = 0; round < 4; round++) {
      for (let k = 0; k < 60; k++) {
        const key = round * 1000 + k;
        const b = table.add(key % 2, new Boxed(key));
        if (k % 3 === 0) kept.set(key, b);
      }
      // Old keys looked up again (kept young), then everything rotated and collected.
      for (const [key, b] of kept) expect(table.find(key % 2, sameKey, key, undefined, undefined)).toBe(b);
      await collect();
      for (const [key, b] of kept) expect(table.find(key % 2, sameKey, key, undefined, undefined)).toBe(b);
    }
  });
});

/** The names of the symbols of `e` by a plain walk of the tree. */
function modelFree(e: Expr, into = new Set<string>()): Set<string> {
  if (e.kind === "sym") into.add(e.name);
  for (const a of e.args) modelFree(a, into);
  return into;
}

describe("free symbols: the slot against a plain walk (property)", () => {
  it("is right for nodes made before and after clearCaches, and for subgraphs shared between calls", () => {
    fc.assert(
      fc.property(arbExpr(3), arbExpr(3), fc.boolean(), (a, b, clearBetween) => {
        expect([...freeSymbolSet(a)].sort()).toEqual([...modelFree(a)].sort());
        if (clearBetween) clearCaches();
        // The new node shares a (cached in an older epoch, or now) and b (not looked at yet).
        const both = mulAll([addAll([a, sym("w")]), call("sin", [b])]);
        expect([...freeSymbolSet(both)].sort()).toEqual([...modelFree(both)].sort());
        expect([...freeSymbolSet(b)].sort()).toEqual([...modelFree(b)].sort());
        clearCaches();
        expect([...freeSymbolSet(a)].sort()).toEqual([...modelFree(a)].sort());
      }),
      { numRuns: 150 },
    );
  });

  it("does not leak a child's set into its parent's (the largest child's set is shared, never grown)", () => {
    const child = addAll([x, y]);
    const childSet = freeSymbolSet(child);
    const parent = mulAll([child, z]);
    expect([...freeSymbolSet(parent)].sort()).toEqual(["x", "y", "z"]);
    expect([...childSet].sort()).toEqual(["x", "y"]);
    expect([...freeSymbolSet(child)].sort()).toEqual(["x", "y"]);
  });
});

const arbBig = fc.bigInt({ min: -(1n << 100n), max: 1n << 100n });
const arbDen = fc.oneof(fc.bigInt({ min: 1n, max: 12n }), fc.bigInt({ min: 1n, max: 1n << 90n }));

describe("Rational.cmp against the sign of the difference (property)", () => {
  it("orders any two rationals, of equal or different denominators, beyond 2^53", () => {
    fc.assert(
      fc.property(arbBig, arbBig, arbDen, arbDen, fc.boolean(), (n1, n2, d1, d2, sameDen) => {
        const a = Rational.of(n1, d1);
        const b = Rational.of(n2, sameDen ? d1 : d2);
        expect(a.cmp(b)).toBe(a.sub(b).sign());
        expect(b.cmp(a)).toBe(-a.cmp(b) || 0);
        expect(a.cmp(b) === 0).toBe(a.equals(b));
      }),
      { numRuns: 500 },
    );
  });

  it("orders equal denominators by numerator, negatives included", () => {
    const d = (1n << 70n) + 1n; // odd, so n/d stays reduced for even n
    const cases: [Rational, Rational, number][] = [
      [Rational.of(-2n, d), Rational.of(2n, d), -1],
      [Rational.of(-(1n << 60n), d), Rational.of(-(1n << 61n), d), 1],
      [Rational.of((1n << 80n) + 1n), Rational.of(1n << 80n), 1],
      [Rational.of(-3, 7), Rational.of(-3, 7), 0],
      [Rational.of(-1, 2), Rational.of(1, 3), -1],
    ];
    for (const [a, b, c] of cases) expect(a.cmp(b)).toBe(c);
  });
});

/** d/dx, or null when the derivative is refused with a typed error. */
function dx(e: Expr): Expr | null {
  try {
    return diffExpr(e, "x");
  } catch (err) {
    if (err instanceof SymgradError) return null;
    throw err;
  }
}

const sin2 = pow(call("sin", [x]), num(2));
const cos2 = pow(call("cos", [x]), num(2));
/** Terms whose derivatives cancel in pairs, and nested sums inside calls and powers. */
const NASTY_TERMS: readonly Expr[] = [
  sin2,
  cos2,
  mulAll([num(-1), sin2]),
  mulAll([call("exp", [x]), call("exp", [mulAll([num(-1), x])])]),
  call("exp", [addAll([sin2, cos2])]),
  pow(addAll([sin2, cos2, y]), num(3)),
  mulAll([addAll([sin2, cos2]), x]),
  applied("f", [0, 0], [addAll([x, y]), addAll([x, mulAll([num(-1), y])])]),
  call("atan2", [addAll([x, sin2]), addAll([cos2, x])]),
  mulAll([x, y]),
  mulAll([num(q(-1, 3)), x, y]),
  pow(x, num(3)),
  mulAll([num(q(-1, 3)), pow(x, num(3))]),
  // More than 8 dependent factors: the product rule in halves.
  mulAll(["sin", "cos", "tan", "exp", "atan", "sinh", "cosh", "tanh", "erf", "asinh"].map((fn) => call(fn as "sin", [x]))),
  mulAll([num(-1), ...["sin", "cos", "tan", "exp", "atan", "sinh", "cosh", "tanh", "erf", "asinh"].map((fn) => call(fn as "sin", [x]))]),
];

describe("d(sum) is the sum of the terms' derivatives (property)", () => {
  it("holds for terms that cancel, nested sums and calls of sums", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...NASTY_TERMS), arbExpr(2)), { minLength: 2, maxLength: 12 }), (terms) => {
        const s = addAll(terms);
        const ds = terms.map(dx);
        const whole = dx(s);
        if (whole === null || ds.includes(null)) return;
        expect(whole).toBe(addAll(ds as Expr[]));
        expect(canonicalViolations(whole)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("holds for huge sums of monomials and their nested copies", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(arbCoefficient, fc.nat(6), fc.nat(3)), { minLength: 50, maxLength: 200 }), (monomials) => {
        const terms = monomials.map(([c, i, j]) => mulAll([num(c), pow(x, num(i)), pow(y, num(j))]));
        const s = addAll(terms);
        const nested = addAll([call("sin", [s]), mulAll([s, s]), pow(s, num(q(1, 2)))]);
        for (const e of [s, nested]) {
          const whole = dx(e);
          const parts = e.kind === "add" ? addAll(e.args.map((t) => dx(t)!)) : dx(e);
          expect(whole).toBe(parts);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("is ZERO when the terms' derivatives cancel, also inside a chain rule and a product", () => {
    const one = addAll([sin2, cos2]);
    expect(dx(one)).toBe(ZERO);
    expect(dx(call("exp", [one]))).toBe(ZERO);
    expect(dx(pow(one, y))).toBe(ZERO);
    expect(dx(mulAll([one, x]))).toBe(one);
    expect(dx(applied("g", [0], [one]))).toBe(ZERO);
  });

  it("is the same before and after clearCaches (free-symbol slots and argument indexes rebuilt)", () => {
    const big = addAll(Array.from({ length: 40 }, (_, i) => mulAll([num(i + 1), pow(x, num(i % 7)), pow(i % 2 === 0 ? y : z, num(i % 5))])));
    const before = dx(big);
    clearCaches();
    expect(dx(big)).toBe(before);
    expect(diffExpr(big, "w")).toBe(ZERO);
  });
});
