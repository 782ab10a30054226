/**
 * Checks the canonical-form invariants documented in `node.ts` on a whole graph. Tests call it on
 * every node they build; it returns the list of violations (empty when canonical).
 */
import {
  baseAndExponent,
  call,
  compareFactors,
  compareTerms,
  exceedsIntegerBits,
  exponentialKey,
  isExponential,
  ONE,
  pow,
  splitCoefficient,
  splitsOffExponentTerm,
} from "./build.js";
import { Rational } from "./rational.js";
import { FUNCTION_ARITY } from "./functions.js";
import type { Expr } from "./node.js";
import { foldGraph } from "./traverse.js";

export function canonicalViolations(root: Expr): string[] {
  const problems: string[] = [];
  const bad = (node: Expr, what: string) => problems.push(`${what}: ${String(node)}`);
  foldGraph<null>(root, (node) => {
    switch (node.kind) {
      case "num":
        if (node.value.den <= 0n) bad(node, "denominator not positive");
        break;
      case "add": {
        const a = node.args;
        if (a.length < 2) bad(node, "sum with fewer than two terms");
        a.forEach((t, i) => {
          if (t.kind === "add") bad(node, "nested sum");
          if (t.kind === "num" && (i !== 0 || t.value.isZero())) bad(node, "number not first or zero in sum");
        });
        const terms = a[0]!.kind === "num" ? a.slice(1) : a;
        for (let i = 1; i < terms.length; i++) {
          if (compareTerms(terms[i - 1]!, terms[i]!) >= 0) bad(node, "sum terms not sorted");
          if (splitCoefficient(terms[i - 1]!)[1] === splitCoefficient(terms[i]!)[1]) bad(node, "like terms not collected");
        }
        break;
      }
      case "mul": {
        const a = node.args;
        if (a.length < 2) bad(node, "product with fewer than two factors");
        a.forEach((f, i) => {
          if (f.kind === "mul") bad(node, "nested product");
          if (f.kind === "num" && (i !== 0 || f.value.isZero() || f.value.isOne())) bad(node, "number not first, 0 or 1 in product");
        });
        const factors = a[0]!.kind === "num" ? a.slice(1) : a;
        if (a[0]!.kind === "num" && factors.length === 1 && factors[0]!.kind === "add") bad(node, "number times a sum not distributed");
        for (let i = 1; i < factors.length; i++) {
          if (compareFactors(factors[i - 1]!, factors[i]!) >= 0) bad(node, "product factors not sorted");
          const [b0, e0] = baseAndExponent(factors[i - 1]!);
          const [b1, e1] = baseAndExponent(factors[i]!);
          // A numeric base may appear twice: a radical (numeric exponent), then a symbolic power.
          if (b0 === b1 && !(b0.kind === "num" && e0.kind === "num" && e1.kind !== "num")) bad(node, "equal bases not combined");
        }
        const keys = factors.filter(isExponential).map((f) => exponentialKey(f.kind === "call" ? f.args[0]! : ONE));
        if (new Set(keys).size < keys.length) bad(node, "exponentials of rational multiples of one argument not merged");
        for (const f of factors) {
          const [b, e] = baseAndExponent(f);
          if (!(b.kind === "call" && b.fn === "abs" && e.kind === "num")) continue;
          const power = factors.find((g) => baseAndExponent(g)[0] === b.args[0]);
          const a = power === undefined ? undefined : baseAndExponent(power)[1];
          if (a?.kind === "num" && (a.value.sign() < 0 || a.value.cmp(Rational.int(2n)) >= 0))
            bad(node, "power of u beside abs(u) with an exponent outside [0, 2)");
        }
        break;
      }
      case "pow": {
        const { base, exp } = node;
        if (exp.kind === "num" && (exp.value.isZero() || exp.value.isOne())) bad(node, "exponent 0 or 1");
        if (base.kind === "num" && base.value.isOne()) bad(node, "base 1");
        if (base.kind === "num" && base.value.isZero() && exp.kind === "num") bad(node, "base 0 with numeric exponent");
        const intExp = exp.kind === "num" && exp.value.isInteger();
        if (base.kind === "mul" && intExp) bad(node, "product raised to an integer");
        if (base.kind === "mul" && base.args[0]!.kind === "num" && base.args[0]!.value.sign() > 0 && exp.kind === "num")
          bad(node, "positive coefficient not pulled out of power");
        if (base.kind === "pow" && intExp) bad(node, "power of power with integer exponent");
        const evenInt = (e: Expr) => e.kind === "num" && e.value.isInteger() && e.value.num % 2n === 0n;
        if (base.kind === "pow" && evenInt(base.exp) && exp.kind === "num") bad(node, "root of an even power not written with abs");
        if (base.kind === "call" && base.fn === "abs" && evenInt(exp)) bad(node, "even power of abs not written without it");
        if (base.kind === "num" && exp.kind === "num" && exceedsIntegerBits(base.value, exp.value)) {
          const b = base.value;
          if (b.sign() > 0 ? b.num < b.den : exp.value.isInteger()) bad(node, "huge numeric power without a base above 1 and the sign outside");
        } else if (base.kind === "num" && exp.kind === "num") {
          const b = base.value;
          const r = exp.value;
          if (r.isInteger()) bad(node, "number to an integer power not folded");
          if (b.sign() > 0 && (!b.isInteger() || r.sign() <= 0 || r.num >= r.den))
            bad(node, "positive numeric power not reduced to an integer base and an exponent in (0, 1)");
        }
        if (base.kind === "num" && exp.kind === "num" && pow(base, exp) !== node) bad(node, "perfect power not taken out of a numeric radical");
        if (
          base.kind === "num" &&
          base.value.sign() > 0 &&
          exp.kind === "add" &&
          exp.args[0]!.kind === "num" &&
          splitsOffExponentTerm(base.value, exp.args[0]!.value)
        )
          bad(node, "rational term not taken out of a positive numeric base's exponent");
        if (base.kind === "const" && base.name === "e") bad(node, "e^u not written exp(u)");
        if (base.kind === "call" && base.fn === "exp") bad(node, "power of exp not merged");
        break;
      }
      case "call":
        if (node.args.length !== FUNCTION_ARITY[node.fn]) bad(node, "wrong arity");
        else if (call(node.fn, node.args) !== node) bad(node, "call with a known exact value or reducible argument");
        break;
      case "apply":
        if (node.orders.length !== node.args.length || node.args.length === 0) bad(node, "undefined function without one derivative order per argument");
        break;
      case "deriv":
        if (node.args.length < 2) bad(node, "derivative without a variable");
        if (node.args.slice(1).some((v) => v.kind !== "sym")) bad(node, "derivative variable not a symbol");
        if (node.args[0]!.kind === "deriv") bad(node, "nested derivative not merged");
        break;
      default:
        break;
    }
    return null;
  });
  return problems;
}
