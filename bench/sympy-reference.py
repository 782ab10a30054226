"""SymPy reference for the generated problems (bench/generate.ts), computed offline.

For each problem: SymPy differentiates `expr` (plain symbols, as a SymPy user gets with
`parse_expr`), evaluates the unsimplified derivative with mpmath at 50 digits at every check point
(rounded to float64, written as the check's `values`), and runs `simplify` on it within a time
limit (`sympy_simplified`, in symgrad's syntax; null when it does not finish). The size of
`sympy_simplified` is measured by bench/simplify-size.ts with the corpus size measure (size.mjs),
so the measure has one implementation.

    python3 bench/sympy-reference.py bench/generated/tune.raw.json bench/generated/tune.json
"""
import json
import multiprocessing as mp
import sys

import sympy
from sympy.parsing.sympy_parser import parse_expr, standard_transformations

TIMEOUT_S = 10
LOCALS = {"e": sympy.E, "pi": sympy.pi, "log": sympy.log, "sqrt": sympy.sqrt, "abs": sympy.Abs}


def ours(expr):
    """SymPy's str in symgrad's syntax."""
    return str(expr).replace("**", "^").replace("Abs(", "abs(").replace("E", "e")


def parse(text):
    return parse_expr(text.replace("^", "**"), local_dict=dict(LOCALS), transformations=standard_transformations)


def derivatives(p):
    f = parse(p["expr"])
    if p.get("order") is not None:
        return [sympy.diff(f, sympy.Symbol(p["vars"][0]), p["order"])]
    return [sympy.diff(f, sympy.Symbol(v)) for v in p["vars"]]


def simplified(p, queue):
    queue.put([ours(sympy.simplify(d)) for d in derivatives(p)])


def reference(p):
    ds = derivatives(p)
    for check in p["checks"]:
        at = {sympy.Symbol(k): sympy.Rational(str(v)) for k, v in check["at"].items()}
        check["values"] = [float(sympy.N(d.subs(at), 50)) for d in ds]
    queue = mp.Queue()
    worker = mp.Process(target=simplified, args=(p, queue))
    worker.start()
    worker.join(TIMEOUT_S)
    if worker.is_alive():
        worker.terminate()
        worker.join()
        p["sympy_simplified"] = None
    else:
        p["sympy_simplified"] = queue.get() if not queue.empty() else None
    return p


def main():
    src, dst = sys.argv[1], sys.argv[2]
    data = json.load(open(src))
    out = []
    for i, p in enumerate(data["problems"]):
        out.append(reference(p))
        print(f"{i + 1}/{len(data['problems'])} {p['id']}: {p['sympy_simplified']}", flush=True)
    with open(dst, "w") as f:
        f.write('{"reference":"SymPy %s: unsimplified derivative at 50 digits; simplify within %d s","count":%d,\n"problems": [\n'
                % (sympy.__version__, TIMEOUT_S, len(out)))
        f.write(",\n".join(json.dumps(p) for p in out))
        f.write("\n]}\n")


if __name__ == "__main__":
    main()
