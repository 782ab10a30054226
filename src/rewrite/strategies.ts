/**
 * The simplifier's candidate strategies, as data. At a node whose arguments are simplified, the
 * driver (`simplify.ts`) walks this table in order: an entry applies to the node kinds it lists,
 * while the cheapest form so far costs at most `maxCost`, and when its `when` test (cheap: it
 * reads the node's shape, builds nothing) holds; then `build` makes the candidate, the cost
 * measure decides whether it is kept, and, with `rulesWithin`, the top-level rules are tried on
 * the candidate too when it costs less than the best so far plus that slack.
 *
 * Contract of every `build`: the candidate equals the node wherever the node is defined and real
 * (the soundness tests check each strategy at random points, negative ones included).
 */
import type { Expr } from "../core/node.js";
import type { Assumptions } from "./assumptions.js";
import { exactHeadBits, headsOf } from "./heads.js";
import { expandShallow } from "./expand.js";
import { collectFactored } from "./collect.js";
import { cost } from "./cost.js";
import { cancelTop, isNumberOverFlatSums, togetherRational } from "./rational.js";
import { denominatorCount, hasDenominator, hasFractionInSum, hasExpAndSum, hasSumFactor, isMonomialSum, multipliesOut } from "./shape.js";
import { distributeCoefficient, distributeExp, factorTerms, negateSumFactor, pullSumContent, pullSumSign } from "./sum-forms.js";
import { callsInverse, inverseCompositionInLayer, inverseForms, parityForm } from "./parity.js";
import { hasNestedRadical, mergeNestedRadicals } from "./radicals.js";
import { hasTanSecTerms, tanSecForm } from "./tan-sec.js";
import { hasTrigHead, hasTrigWork, productToSum, TrigLayer, trigRational } from "./trig.js";

/** What a strategy may read about the node it is tried on; the shape facts are computed once. */
export class NodeFacts {
  private monomialSum: boolean | undefined;
  private denominators: number | undefined;
  private trigWork: boolean | undefined;
  private trigSurvey: TrigLayer | undefined;

  constructor(
    readonly node: Expr,
    readonly assume: Assumptions,
    /** The cost of the cheapest form found so far (it falls as candidates are kept). */
    readonly bestCost: () => number,
  ) {}

  /** `isMonomialSum(node)`. */
  get monomials(): boolean {
    return (this.monomialSum ??= isMonomialSum(this.node));
  }

  /** A circular or hyperbolic function in the node, and `hasTrigWork(node)` (both trig strategies ask). */
  get trig(): boolean {
    return (this.trigWork ??= hasTrigHead(headsOf(this.node)) && hasTrigWork(this.node));
  }

  /** The survey of the node's rational layer that the two trig strategies share. */
  get trigLayer(): TrigLayer {
    return (this.trigSurvey ??= new TrigLayer(this.node));
  }

  /** A sum with at most MAX_DENOMINATORS distinct denominators (not a sum of monomials). */
  get fewDenominators(): boolean {
    return !this.monomials && (this.denominators ??= denominatorCount(this.node)) <= MAX_DENOMINATORS;
  }
}

export interface Strategy {
  /** Kebab-case name, reported in `SimplifyReport.steps`. */
  readonly id: string;
  readonly kinds: readonly ("add" | "mul" | "pow" | "call")[];
  /** Tried only while the cheapest form so far costs at most this. */
  readonly maxCost?: number;
  /** A cheap test of the node's shape; false skips the strategy without building anything. */
  readonly when?: (f: NodeFacts) => boolean;
  /** The candidate (null or the node itself when it does not apply). */
  readonly build: (n: Expr, f: NodeFacts) => Expr | null;
  /** The rules are tried on a candidate that costs less than the best so far plus this. */
  readonly rulesWithin?: number;
  /**
   * Kept at equal cost too: a normal form that later candidates and the parent build on. With
   * "sign-aside" a leading minus of the candidate is not counted (it costs nothing as a term of a
   * sum, where `sin(1 - x)` beside `cos(x - 1)` gains from being `-sin(x - 1)`).
   */
  readonly ties?: "equal" | "sign-aside";
}

/** The head bits of sin and cos (`heads.ts`). */
const SIN_COS = exactHeadBits(["sin", "cos"]);
/** Most distinct denominators a common-denominator candidate may combine. */
const MAX_DENOMINATORS = 8;
/** Rules rarely save more than a few tokens: far costlier candidates are not worth matching. */
const RULE_SLACK = 24;
/** Nodes costlier than this get no trigonometric candidates. */
const TRIG_COST = 80;
/** Sums costlier than this get no tan/sec candidate (it multiplies the sum out twice). */
const TAN_SEC_COST = 60;
/**
 * Nodes costlier than this get no candidates that convert the whole node to a polynomial
 * (multiplied out, common denominator, cancelled): their work grows with the square of the node
 * (n terms of n factors), and on a node this large they almost never print shorter.
 */
const ALGEBRA_COST = 1500;
/** A sum of monomials with more terms than this gets no common-factor candidate. */
const MONOMIAL_SUM_FACTORING = 16;

export const STRATEGIES: readonly Strategy[] = [
  { id: "parity", kinds: ["call"], build: parityForm, ties: "sign-aside" },
  {
    id: "inverse-forms",
    kinds: ["add", "mul", "pow", "call"],
    when: (f) => callsInverse(f.node) && inverseCompositionInLayer(f.node),
    build: inverseForms,
    rulesWithin: RULE_SLACK,
  },
  {
    id: "trig-cos",
    kinds: ["add", "mul", "pow"],
    maxCost: TRIG_COST,
    when: (f) => f.trig && f.trigLayer.mayGain("cos"),
    build: (n, f) => trigRational(n, "cos", f.trigLayer),
    rulesWithin: RULE_SLACK,
  },
  // Tried only when the "cos" form depended on the preference (`TrigLayer.sinRunMayDiffer`).
  {
    id: "trig-sin",
    kinds: ["add", "mul", "pow"],
    maxCost: TRIG_COST,
    when: (f) => f.trig && f.trigLayer.sinRunMayDiffer(),
    build: (n, f) => trigRational(n, "sin", f.trigLayer),
    rulesWithin: RULE_SLACK,
  },
  // Sums only: a lone product in tan/sec form hides from its parent the sin/cos identities.
  { id: "tan-sec", kinds: ["add"], maxCost: TAN_SEC_COST, when: (f) => hasTanSecTerms(f.node), build: tanSecForm, rulesWithin: RULE_SLACK },
  {
    id: "product-to-sum",
    kinds: ["add"],
    maxCost: TRIG_COST,
    when: (f) => (headsOf(f.node) & SIN_COS) !== 0,
    build: productToSum,
    rulesWithin: RULE_SLACK,
  },
  {
    id: "factor-terms",
    kinds: ["add"],
    when: (f) => f.fewDenominators || (f.monomials && f.node.args.length <= MONOMIAL_SUM_FACTORING),
    build: factorTerms,
    rulesWithin: RULE_SLACK,
  },
  {
    id: "collect-factored",
    kinds: ["add"],
    maxCost: 200,
    when: (f) => f.node.args.length <= MONOMIAL_SUM_FACTORING,
    build: (n, f) => collectFactored(n, cost, f.bestCost()),
  },
  // Without a fraction in a sum the common denominator is the node itself (`hasFractionInSum`).
  {
    id: "together-cancel",
    kinds: ["add"],
    maxCost: ALGEBRA_COST,
    when: (f) => f.fewDenominators && hasFractionInSum(f.node),
    build: (n) => cancelTop(togetherRational(n)),
  },
  {
    id: "expand",
    kinds: ["add"],
    maxCost: ALGEBRA_COST,
    when: (f) => !f.monomials && f.node.args.some(multipliesOut),
    build: (n, f) => expandShallow(n, f.bestCost() + 1, RULE_SLACK),
    rulesWithin: RULE_SLACK,
  },
  { id: "sum-content", kinds: ["mul", "pow"], when: (f) => hasSumFactor(f.node), build: pullSumContent, rulesWithin: RULE_SLACK, ties: "equal" },
  // A fraction cancels only with a denominator and a sum on one side of it, and not when it is a number over expanded sums.
  {
    id: "cancel",
    kinds: ["mul", "pow"],
    maxCost: ALGEBRA_COST,
    when: (f) => hasSumFactor(f.node) && hasDenominator(f.node) && !isNumberOverFlatSums(f.node),
    build: cancelTop,
  },
  {
    id: "together-cancel",
    kinds: ["mul", "pow"],
    maxCost: ALGEBRA_COST,
    when: (f) => hasFractionInSum(f.node),
    build: (n) => {
      const t = togetherRational(n);
      return t === n ? null : cancelTop(t);
    },
  },
  {
    id: "expand",
    kinds: ["mul", "pow"],
    maxCost: ALGEBRA_COST,
    when: (f) => multipliesOut(f.node),
    build: (n, f) => expandShallow(n, f.bestCost() + 1, RULE_SLACK),
    rulesWithin: RULE_SLACK,
  },
  { id: "merge-radicals", kinds: ["mul", "pow"], when: (f) => hasNestedRadical(f.node), build: mergeNestedRadicals, rulesWithin: RULE_SLACK },
  { id: "distribute-coefficient", kinds: ["mul"], when: (f) => hasSumFactor(f.node), build: distributeCoefficient },
  { id: "distribute-exp", kinds: ["mul"], when: (f) => hasExpAndSum(f.node), build: distributeExp, rulesWithin: RULE_SLACK },
  // A product whose sum factor has only negative terms shows its sign outside: x^2*(-3*y - 2) is -x^2*(3*y + 2).
  { id: "pull-sum-sign", kinds: ["mul"], when: (f) => hasSumFactor(f.node), build: pullSumSign, ties: "sign-aside" },
  {
    id: "negate-sum-factor",
    kinds: ["mul"],
    when: (f) => f.node.args[0]!.kind === "num" && f.node.args[0]!.value.isNegative() && hasSumFactor(f.node),
    build: negateSumFactor,
  },
];

const byKind = new Map<string, readonly Strategy[]>();

/** The entries of STRATEGIES for nodes of `kind`, in table order. */
export function strategiesFor(kind: Expr["kind"]): readonly Strategy[] {
  let list = byKind.get(kind);
  if (list === undefined) byKind.set(kind, (list = STRATEGIES.filter((s) => (s.kinds as readonly string[]).includes(kind))));
  return list;
}
