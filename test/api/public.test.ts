// The package's public surface, used the way the README shows: strings in, formulas out.
import { describe, expect, it } from "vitest";
import * as symgrad from "../../src/index.js";

describe("public API", () => {
  it("differentiates and prints formulas", () => {
    expect(String(symgrad.diff("x^2+3*x+2", "x"))).toBe("2*x + 3");
    expect(String(symgrad.diff(symgrad.parse("x^x"), "x"))).toBe("x^x*(log(x) + 1)");
    expect(symgrad.print(symgrad.diff("sin(x)", "x"))).toBe("cos(x)");
    expect(JSON.stringify(symgrad.gradient("x^2+y^2+3*x*y+2"))).toBe('{"x":"2*x + 3*y","y":"3*x + 2*y"}');
  });

  it("evaluates and compiles strings, with variables defaulting to the sorted free symbols", () => {
    expect(symgrad.evaluate("x^2 + y", { x: 3, y: 1 })).toBe(10);
    expect(symgrad.compile("x - y")([5, 2])).toBe(3);
    const vg = symgrad.valueAndGrad("x^2*y");
    const r = vg([3, 2]);
    expect(r.value).toBe(18);
    expect([...r.gradient]).toEqual([12, 9]);
    expect(symgrad.gradcheck("sin(x)*y", { x: 0.5, y: 2 }).maxRelativeError).toBeLessThan(1e-8);
    const m = symgrad.minimize("x^2 + 3*x + 2", { x: 0 });
    expect(m.x.x).toBeCloseTo(-1.5, 10);
  });

  it("exports every typed error under one base class", () => {
    for (const E of [symgrad.ParseError, symgrad.DomainError, symgrad.LimitError]) {
      expect(E.prototype).toBeInstanceOf(symgrad.SymgradError);
    }
    expect(() => symgrad.diff("x+", "x")).toThrow(symgrad.ParseError);
  });
});

describe("public LaTeX input", () => {
  it("reads the README's examples", () => {
    expect(symgrad.parseLatex("\\frac{1}{x}")).toBe(symgrad.parse("1/x"));
    expect(String(symgrad.parseLatex("\\frac{-b + \\sqrt{b^2 - 4ac}}{2a}"))).toBe("(sqrt(b^2 - 4*a*c) - b)/(2*a)");
    expect(String(symgrad.parseLatex("\\sin^2 x + \\ln 2x"))).toBe("log(2*x) + sin(x)^2");
    expect(String(symgrad.parseLatex("\\frac{d}{dx}\\left(x^2\\right) + 1"))).toBe("d/dx(x^2) + 1");
    expect(String(symgrad.evaluateDerivatives(symgrad.parseLatex("\\frac{d}{dx}\\left(x^2\\right) + 1")))).toBe("2*x + 1");
    expect(String(symgrad.parseLatex("\\frac{\\partial^2}{\\partial x \\partial y} x^2 y^3"))).toBe("d/dx(d/dy(x^2*y^3))");
    const undefinedFunctions = ["f", "g"];
    expect(String(symgrad.parseLatex("f'(x) + \\frac{df}{dx} + \\partial_{1} g(x, y)", { undefinedFunctions }))).toBe("f'(x) + g'[1,0](x, y) + d/dx(f(x))");
    expect(String(symgrad.parseLatex("\\theta_0 + x_{12} + x_{i}"))).toBe("theta0 + x12 + x_i");
    expect(String(symgrad.diff(symgrad.parseLatex("\\sqrt{x^2 + 1}"), "x"))).toBe("x/sqrt(x^2 + 1)");
    expect(String(symgrad.parseLatex("\\frac{d}{dx} f", { definitions: new Map([["f", symgrad.parse("x^2*y")]]) }))).toBe("d/dx(x^2*y)");
    const e = symgrad.parse("x^2*sin(x)/sqrt(x + 1)");
    expect(symgrad.parseLatex(symgrad.toLatex(e))).toBe(e);
    expect(() => symgrad.parseLatex("\\frac{1}{\\sinn x}")).toThrow("unknown command '\\sinn' (did you mean '\\sin'?) at column 10");
  });
});

describe("public algebra", () => {
  it("takes strings and keeps values", () => {
    expect(String(symgrad.simplify("sqrt(x^2)"))).toBe("abs(x)");
    expect(String(symgrad.simplify("sqrt(x^2)", { assume: { x: "nonnegative" } }))).toBe("x");
    expect(String(symgrad.simplify("sin(x)^2 + cos(x)^2 - 1"))).toBe("0");
    expect(String(symgrad.expand("(x+1)^2"))).toBe("x^2 + 2*x + 1");
    expect(String(symgrad.factor("x^2 - 1"))).toBe("(x - 1)*(x + 1)");
    expect(String(symgrad.cancel("(x^2-1)/(x-1)"))).toBe("x + 1");
    expect(String(symgrad.together("1/x + 1/y"))).toBe("(x + y)/(x*y)");
  });
});
