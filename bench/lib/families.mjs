// Scaling families: problems that grow with n, in the corpus syntax and problem shape
// ({ expr, vars, order?, checks }), each with a reference derivative value computed in closed form.

const X = 0.7;

/** sum_{k=0}^{n-1} c_k x^k with c_k in 1..9 (positive, so the reference sum is well conditioned). */
function polynomial(n) {
  const coef = (k) => 1 + ((k * 7919) % 9);
  const x = 0.99;
  const terms = [];
  let d = 0;
  for (let k = 0; k < n; k++) {
    terms.push(k === 0 ? `${coef(k)}` : k === 1 ? `${coef(k)}*x` : `${coef(k)}*x^${k}`);
    if (k > 0) d += k * coef(k) * x ** (k - 1);
  }
  return { expr: terms.join(" + "), vars: ["x"], checks: [{ at: { x }, values: [d] }] };
}

/** sin(sin(...sin(x))) nested n deep; the derivative is the product of cos of every inner level. */
function chain(n) {
  let expr = "x";
  let u = X;
  let d = 1;
  for (let k = 0; k < n; k++) {
    expr = `sin(${expr})`;
    d *= Math.cos(u);
    u = Math.sin(u);
  }
  return { expr, vars: ["x"], checks: [{ at: { x: X }, values: [d] }] };
}

/** prod_{k=1}^{n} cos(x/k); the derivative is -P * sum tan(x/k)/k. */
function product(n) {
  const factors = [];
  let p = 1;
  let s = 0;
  for (let k = 1; k <= n; k++) {
    factors.push(`cos(x/${k})`);
    p *= Math.cos(X / k);
    s += Math.tan(X / k) / k;
  }
  return { expr: factors.join("*"), vars: ["x"], checks: [{ at: { x: X }, values: [-p * s] }] };
}

/** The n-variable Rosenbrock function sum_{i<n} 100*(x_{i+1}-x_i^2)^2 + (1-x_i)^2, full gradient. */
function gradient(n) {
  const vars = Array.from({ length: n }, (_, i) => `x${i + 1}`);
  const at = {};
  const v = vars.map((_, i) => 0.5 + ((i * 37) % 100) / 100);
  vars.forEach((name, i) => (at[name] = v[i]));
  const terms = [];
  for (let i = 0; i + 1 < n; i++) terms.push(`100*(${vars[i + 1]}-${vars[i]}^2)^2+(1-${vars[i]})^2`);
  const g = v.map((xi, i) => {
    let d = 0;
    if (i + 1 < n) d += -400 * xi * (v[i + 1] - xi * xi) - 2 * (1 - xi);
    if (i > 0) d += 200 * (xi - v[i - 1] * v[i - 1]);
    return d;
  });
  return { expr: terms.join("+"), vars, checks: [{ at, values: g }] };
}

/** d^n/dx^n exp(x)*sin(x) = 2^(n/2) exp(x) sin(x + n pi/4). */
function higherOrder(n) {
  const d = 2 ** (n / 2) * Math.exp(X) * Math.sin(X + (n * Math.PI) / 4);
  return { expr: "exp(x)*sin(x)", vars: ["x"], order: n, checks: [{ at: { x: X }, values: [d] }] };
}

/** The families with their sizes (full run and --quick). */
export const FAMILIES = [
  { id: "polynomial", title: "polynomial of n terms", make: polynomial, sizes: [10, 30, 100, 300, 1000, 3000, 10000], quick: [3, 10, 30] },
  { id: "chain", title: "chain of n nested sin", make: chain, sizes: [10, 30, 100, 300, 1000], quick: [3, 10, 30] },
  { id: "product", title: "product of n factors cos(x/k)", make: product, sizes: [10, 30, 100, 300, 1000], quick: [2, 5, 10] },
  { id: "gradient", title: "gradient of n-variable Rosenbrock", make: gradient, sizes: [10, 30, 100, 300, 1000], quick: [2, 5, 10] },
  { id: "higher-order", title: "n-th derivative of exp(x)*sin(x)", make: higherOrder, sizes: [1, 2, 4, 8, 16, 30], quick: [1, 2, 4] },
];
