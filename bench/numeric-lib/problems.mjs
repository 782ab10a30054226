// The three benchmark functions as formula strings that both symgrad and mathjs parse, with an
// evaluation point each. Data come from a seeded PRNG, so every run benchmarks the same formulas.

/** mulberry32: a small deterministic PRNG with uniform output in [0, 1). */
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform number in [lo, hi) rounded to 3 decimals, so that the formula states it exactly. */
const uniform = (rand, lo, hi) => Math.round((lo + (hi - lo) * rand()) * 1000) / 1000;

/** A signed term `+ c*v` / `- c*v` for a sum written out in the formula. */
const signed = (c, v, first) => (c < 0 ? (first ? `-${-c}*${v}` : ` - ${-c}*${v}`) : first ? `${c}*${v}` : ` + ${c}*${v}`);

/** sum_{i<n} 100*(x_{i+1} - x_i^2)^2 + (1 - x_i)^2 in n variables x1..xn. */
function rosenbrock(n) {
  const vars = Array.from({ length: n }, (_, i) => `x${i + 1}`);
  const terms = [];
  for (let i = 0; i < n - 1; i++) terms.push(`100*(${vars[i + 1]} - ${vars[i]}^2)^2 + (1 - ${vars[i]})^2`);
  const rand = prng(1);
  const point = vars.map(() => uniform(rand, -1.5, 1.5));
  return { name: `Rosenbrock, ${n} variables`, short: "rosenbrock", formula: terms.join(" + "), vars, point };
}

/** sum_i log(1 + exp(-y_i * (w . x_i))) over `points` data points with `dim` weights w1..w_dim. */
function logistic(points, dim) {
  const rand = prng(2);
  const vars = Array.from({ length: dim }, (_, j) => `w${j + 1}`);
  const truth = vars.map(() => uniform(rand, -1, 1));
  const terms = [];
  for (let i = 0; i < points; i++) {
    const x = vars.map(() => uniform(rand, -2, 2));
    const margin = x.reduce((s, xj, j) => s + xj * truth[j], 0) + 0.5 * (rand() - 0.5);
    const y = margin >= 0 ? 1 : -1;
    const dot = x.map((xj, j) => signed(xj, vars[j], j === 0)).join("");
    terms.push(`log(1 + exp(${y === 1 ? "-" : ""}(${dot})))`);
  }
  const point = vars.map(() => uniform(rand, -0.5, 0.5));
  return { name: `Logistic loss, ${points} points, ${dim} weights`, short: "logistic", formula: terms.join(" + "), vars, point };
}

/**
 * Squared loss of a `inputs`-`hidden`-1 network with tanh hidden units over `points` points:
 * sum_p (c + sum_j v_j tanh(b_j + sum_k a_jk x_pk) - t_p)^2. Weights a_jk, b_j, v_j, c are the
 * variables (inputs*hidden + 2*hidden + 1 of them).
 */
function tanhNetwork(inputs, hidden, points) {
  const rand = prng(3);
  const a = Array.from({ length: hidden }, (_, j) => Array.from({ length: inputs }, (_, k) => `a${j + 1}_${k + 1}`));
  const b = Array.from({ length: hidden }, (_, j) => `b${j + 1}`);
  const v = Array.from({ length: hidden }, (_, j) => `v${j + 1}`);
  const vars = [...a.flat(), ...b, ...v, "c"];
  const terms = [];
  for (let p = 0; p < points; p++) {
    const x = Array.from({ length: inputs }, () => uniform(rand, -1, 1));
    const t = uniform(rand, -1, 1);
    const units = b.map((bj, j) => `${v[j]}*tanh(${bj}${x.map((xk, k) => signed(xk, a[j][k], false)).join("")})`);
    terms.push(`(c + ${units.join(" + ")}${t < 0 ? ` + ${-t}` : ` - ${t}`})^2`);
  }
  const point = vars.map(() => uniform(rand, -1, 1));
  return { name: `tanh network ${inputs}-${hidden}-1, ${points} points`, short: "tanh-net", formula: terms.join(" + "), vars, point };
}

export const PROBLEMS = [rosenbrock(100), logistic(50, 10), tanhNetwork(2, 8, 16)];
