/**
 * Runs every row of `inputs.ts` through its public operation and checks the outcome: the right
 * typed error (with column, limit and message where the row gives them) or a result equal to the
 * row's value. Each row is bounded by wall-clock time: the bound catches hangs and runaway
 * allocation, it is not a performance measure.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  compile,
  compileVector,
  curl,
  DomainError,
  diff,
  directionalDerivative,
  divergence,
  evaluate,
  gradcheck,
  gradient,
  hessian,
  implicitDiff,
  jacobian,
  laplacian,
  LimitError,
  parse,
  ParseError,
  print,
  resetLimits,
  setLimits,
  simplify as simplifyPublic,
  SymgradError,
  taylor,
  toJavaScript,
  toLatex,
  valueAndGrad,
  valueAndGradInto,
  type Expr,
} from "../../src/index.js";
import { expand } from "../../src/rewrite/expand.js";
import { factor } from "../../src/rewrite/factor.js";
import { simplify } from "../../src/rewrite/simplify.js";
import { describeInput, HOSTILE_INPUTS, type HostileCase, type Outcome } from "./inputs.js";

/** Longest a single row may take, in milliseconds: far above any legitimate row. */
const HANG_BOUND_MS = 2000;

const ERROR_CLASSES: Readonly<Record<Exclude<Outcome, "ok">, new (...args: never[]) => SymgradError>> = {
  ParseError,
  LimitError,
  DomainError,
};

interface Result {
  printed?: string;
  value?: number;
}

/** Variable values as a Map, so that names like `__proto__` bind like any other. */
function scopeOf(vars: readonly string[], point: readonly number[]): Map<string, number> {
  return new Map(vars.map((v, i) => [v, point[i]!]));
}

function variablesOf(c: HostileCase): readonly string[] {
  return c.vars ?? ["x"];
}

/** Runs the row's operation; for compiled code also checks agreement with `evaluate`. */
function perform(c: HostileCase): Result {
  const vars = variablesOf(c);
  switch (c.op) {
    case "parse":
      parse(c.input);
      return {};
    case "print":
      return { printed: print(parse(c.input)) };
    case "latex":
      return { printed: toLatex(parse(c.input)) };
    case "diff":
      return { printed: print(diff(c.input, vars[0]!, c.order ?? 1)) };
    case "hessian":
      return { printed: rows(hessian(c.input, vars)) };
    case "jacobian":
      return { printed: rows(jacobian(c.input.split(";"), vars)) };
    case "laplacian":
      return { printed: print(laplacian(c.input, vars)) };
    case "divergence":
      return { printed: print(divergence(c.input.split(";"), vars)) };
    case "curl":
      return { printed: curl(c.input.split(";"), vars).map(print).join(", ") };
    case "directionalDerivative":
      return {
        printed: print(
          directionalDerivative(
            c.input,
            vars.map(() => 1),
            vars,
          ),
        ),
      };
    case "taylor":
      return { printed: print(taylor(c.input, vars[0]!, 0, c.order ?? 1)) };
    case "implicitDiff":
      return { printed: print(implicitDiff(c.input, vars[0]!, vars[1]!)) };
    case "gradient": {
      const g = gradient(c.input, vars);
      expect(Object.keys(g)).toEqual([...vars]);
      for (const v of vars) {
        expect(Object.prototype.hasOwnProperty.call(g, v)).toBe(true);
        expect(g[v]).toBe(diff(c.input, v));
      }
      return { printed: vars.map((v) => print(g[v]!)).join(", ") };
    }
    case "evaluate":
      return { value: evaluate(c.input, c.scope ?? {}) };
    case "evaluateStrict":
      return { value: evaluate(c.input, c.scope ?? {}, { strict: true }) };
    case "evaluatePrecise":
      return { value: evaluate(c.input, c.scope ?? {}, { precision: 30 }) };
    case "compile": {
      const point = c.point ?? [];
      const f = compile(c.input, c.vars);
      const value = f(point);
      const names = c.vars ?? freeNames(parse(c.input));
      expect(Object.is(value, evaluate(c.input, scopeOf(names, point)))).toBe(true);
      return { value };
    }
    case "valueAndGrad": {
      const point = c.point ?? [];
      const names = c.vars ?? freeNames(parse(c.input));
      const { value, gradient: g } = valueAndGrad(c.input, c.vars)(point);
      expect(Object.is(value, evaluate(c.input, scopeOf(names, point)))).toBe(true);
      expect(g).toHaveLength(names.length);
      for (const gi of g) expect(Number.isFinite(gi)).toBe(true);
      return { value };
    }
    case "valueAndGradInto": {
      const point = c.point ?? [];
      const names = c.vars ?? freeNames(parse(c.input));
      const g = new Float64Array(names.length);
      const value = valueAndGradInto(c.input, c.vars)(point, g);
      expect(value).toBe(valueAndGrad(c.input, c.vars)(point).value);
      return { value };
    }
    case "compileVector": {
      const point = c.point ?? [];
      const values = compileVector(c.input.split(";"), vars)(point);
      const each = c.input.split(";").map((f) => evaluate(f, scopeOf(vars, point)));
      expect([...values]).toEqual(each);
      return { printed: [...values].join(", ") };
    }
    case "gradcheck": {
      const point = c.point ?? [];
      // The point names the plain variables; the checked list comes from the row.
      const at = Object.fromEntries(["x", "y", "z"].map((v, i) => [v, point[i] ?? 1]));
      const r = gradcheck(c.input, at, { vars });
      expect(r.maxRelativeError).toBeLessThan(1e-8);
      return { value: r.maxRelativeError };
    }
    case "toJavaScript":
      return { printed: toJavaScript(c.input, c.vars) };
    case "simplify":
      if (c.assume !== undefined) return { printed: print(simplifyPublic(c.input, { assume: c.assume as Record<string, "positive"> })) };
      return { printed: print(simplify(parse(c.input))) };
    case "expand":
      return { printed: print(expand(parse(c.input))) };
    case "factor":
      return { printed: print(factor(parse(c.input))) };
  }
}

/** A matrix of expressions as rows of printed entries, "a, b; c, d". */
function rows(m: readonly (readonly Expr[])[]): string {
  return m.map((r) => r.map(print).join(", ")).join("; ");
}

function freeNames(e: Expr): string[] {
  const names = new Set<string>();
  const stack = [e];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === "sym") names.add(n.name);
    stack.push(...n.args);
  }
  return [...names].sort();
}

function title(c: HostileCase, i: number): string {
  const extra = c.order !== undefined ? ` order ${c.order}` : "";
  return `#${i} [${c.category}] ${c.op}${extra} ${describeInput(c.input)} -> ${c.expect}${c.limit ? ` (${c.limit})` : ""}`;
}

afterEach(() => resetLimits());
// Loads the BigNumber backend once: its one-time initialisation is not part of any row.
beforeAll(() => evaluate("1/3", {}, { precision: 20 }));

describe("hostile inputs", () => {
  it("has at least 120 rows covering every category", () => {
    expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(120);
    const categories = new Set(HOSTILE_INPUTS.map((c) => c.category));
    for (const k of ["deep", "huge", "exponent", "order", "prototype", "injection", "unicode", "domain"]) expect(categories).toContain(k);
  });

  HOSTILE_INPUTS.forEach((c, i) => {
    if (c.known !== undefined) {
      it.skip(`${title(c, i)} KNOWN: ${c.known}`, () => {});
      return;
    }
    it(title(c, i), () => {
      if (c.limits !== undefined) setLimits(c.limits);
      const t0 = performance.now();
      let result: Result | undefined;
      let error: unknown;
      try {
        result = perform(c);
      } catch (e) {
        error = e;
      }
      const elapsed = performance.now() - t0;
      expect(elapsed, `hang bound: ${elapsed.toFixed(0)} ms`).toBeLessThan(HANG_BOUND_MS);

      if (c.expect === "ok") {
        if (error !== undefined) throw error as Error; // whatever the row threw, rethrown as it was
        if (c.printed !== undefined) expect(result!.printed).toBe(c.printed);
        if (c.message !== undefined) expect(result!.printed ?? print(parse(c.input))).toMatch(c.message);
        if (c.value !== undefined) expect(result!.value).toBe(c.value);
        if (result!.value !== undefined && c.value === undefined) expect(Number.isFinite(result!.value)).toBe(true);
        return;
      }

      expect(error, "expected an error, got a result").toBeDefined();
      expect(error).toBeInstanceOf(SymgradError);
      expect(error).toBeInstanceOf(ERROR_CLASSES[c.expect]);
      const err = error as SymgradError;
      expect(err.name).toBe(c.expect);
      if (c.message !== undefined) expect(err.message).toMatch(c.message);
      if (c.limit !== undefined) {
        expect(err).toBeInstanceOf(LimitError);
        expect(err instanceof LimitError ? err.limit : undefined).toBe(c.limit);
        expect(err.message).toContain(`setLimits({ ${c.limit}: ... })`);
      }
      if (err instanceof ParseError) {
        const chars = Array.from(c.input);
        expect(err.start).toBeLessThanOrEqual(chars.length);
        expect(err.end).toBeGreaterThanOrEqual(err.start);
        expect(err.message).toContain(`at column ${err.column}`);
        if (c.column !== undefined) expect(err.column).toBe(c.column);
        if (c.input.length < 200) {
          // The caret sits under the offending character as the user sees the line.
          const caretLine = err.format().split("\n")[2]!;
          expect(caretLine.indexOf("^")).toBe(2 + err.start);
        }
      } else {
        expect(c.column, "a column is given only for ParseError rows").toBeUndefined();
      }
    });
  });
});

describe("programming errors are TypeError or RangeError, not input errors", () => {
  const cases: [string, () => unknown, ErrorConstructor][] = [
    ["parse(null)", () => parse(null as unknown as string), TypeError],
    ["parse(42)", () => parse(42 as unknown as string), TypeError],
    ["parse({})", () => parse({} as unknown as string), TypeError],
    ["diff(null, 'x')", () => diff(null as unknown as string, "x"), TypeError],
    ["diff(undefined, 'x')", () => diff(undefined as unknown as string, "x"), TypeError],
    ["evaluate({ kind: 1 })", () => evaluate({ kind: 1 } as unknown as string), TypeError],
    ["diff('x', 'x', 1.5)", () => diff("x", "x", 1.5), RangeError],
    ["diff('x', 'x', -1)", () => diff("x", "x", -1), RangeError],
    ["evaluate('x', { x: '1' })", () => evaluate("x", { x: "1" as unknown as number }), TypeError],
    ["compile('x', ['x', 'x'])", () => compile("x", ["x", "x"]), TypeError],
    ["compile('x', [3])", () => compile("x", [3 as unknown as string]), TypeError],
    ["compile('x', 'x')", () => compile("x", "x" as unknown as string[]), TypeError],
    ["valueAndGrad('x', [null])", () => valueAndGrad("x", [null as unknown as string]), TypeError],
    ["toJavaScript('x', [parse('x+1')])", () => toJavaScript("x", [parse("x+1")]), TypeError],
    ["compileVector(['x'], [{}])", () => compileVector(["x"], [{} as unknown as string]), TypeError],
    ["gradcheck('x', { x: 1 }, { vars: [1] })", () => gradcheck("x", { x: 1 }, { vars: [1 as unknown as string] }), TypeError],
    ["diff('x', 3)", () => diff("x", 3 as unknown as string), TypeError],
    ["diff('x', null)", () => diff("x", null as unknown as string), TypeError],
    ["diff('x', parse('x+y'))", () => diff("x", parse("x+y")), TypeError],
    ["simplify('x', { assume: 'x' })", () => simplifyPublic("x", { assume: "x" as unknown as Record<string, "positive"> }), TypeError],
    ["simplify('x', { assume: { x: 1 } })", () => simplifyPublic("x", { assume: { x: 1 as unknown as "positive" } }), TypeError],
    ["simplify('x', { assume: null })", () => simplifyPublic("x", { assume: null as unknown as Record<string, "positive"> }), TypeError],
  ];
  it.each(cases)("%s", (_, run, cls) => {
    expect(run).toThrow(cls);
    try {
      run();
    } catch (e) {
      expect(e).not.toBeInstanceOf(SymgradError);
    }
  });
});
