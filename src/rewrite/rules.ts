/**
 * The rewrite rules, as data: each rule has a kebab-case id (shown in traces), a left and a right
 * side in symgrad's syntax with `_`-suffixed wildcards (see `pattern.ts`), and, when it holds only
 * under a condition, the condition on its wildcards. Every rule holds for all real values of its
 * wildcards where the left side is defined (and the condition holds); the soundness test checks
 * each one at random real points, negative ones included.
 *
 * `exp(log(u)) = u`, `log(exp(u)) = u`, `exp(u)^v = exp(u*v)` and `sqrt(u)^2 = u` are not rules:
 * the builder applies them at construction (see `core/build.ts`).
 *
 * The engine applies a rule only when the result does not cost more than the input, so a rule
 * may be written in the direction that is sometimes longer (`a_*sin(u_)*cos(u_)` to a double
 * angle pays off only for a coefficient 2).
 */
export type Property = "nonnegative" | "positive";

export interface Rule {
  readonly id: string;
  readonly lhs: string;
  readonly rhs: string;
  /** The rule holds only when every listed wildcard has the property (from `assume`). */
  readonly require?: Readonly<Record<string, Property>>;
  /**
   * Applied at equal cost too: the rule moves towards the reciprocal normal form (`1/cos(u)^2`),
   * which later rules build on. No tie rule's left side matches another tie rule's right side, so
   * tie rewrites cannot cycle.
   */
  readonly ties?: true;
  /**
   * A composition with an inverse function written algebraically (`cos(asin(u))` is
   * sqrt(1 - u^2)): besides applying where it lowers the cost, the `inverse-forms` strategy
   * rewrites all of them in a node at once, and the cost of the node decides.
   */
  readonly inverse?: true;
}

export const RULES: readonly Rule[] = [
  { id: "pythagorean-sin-cos", lhs: "a_*sin(u_)^2 + a_*cos(u_)^2", rhs: "a_" },
  { id: "pythagorean-tan-sec", lhs: "a_ + a_*tan(u_)^2", rhs: "a_/cos(u_)^2", ties: true },
  { id: "tan-squared-plus-one-factor", lhs: "a_*(tan(u_)^2 + 1)", rhs: "a_/cos(u_)^2", ties: true },
  { id: "one-minus-tanh-squared-factor", lhs: "a_*(1 - tanh(u_)^2)", rhs: "a_/cosh(u_)^2", ties: true },
  { id: "cot-squared-plus-one-factor", lhs: "a_*(cot(u_)^2 + 1)", rhs: "a_/sin(u_)^2" },
  { id: "coth-squared-minus-one-factor", lhs: "a_*(coth(u_)^2 - 1)", rhs: "a_/sinh(u_)^2" },
  { id: "pythagorean-cot-csc", lhs: "a_ + a_*cot(u_)^2", rhs: "a_/sin(u_)^2", ties: true },
  { id: "pythagorean-cosh-sinh", lhs: "a_*cosh(u_)^2 - a_*sinh(u_)^2", rhs: "a_" },
  { id: "pythagorean-tanh-sech", lhs: "a_ - a_*tanh(u_)^2", rhs: "a_/cosh(u_)^2", ties: true },
  { id: "pythagorean-coth-csch", lhs: "a_*coth(u_)^2 - a_", rhs: "a_/sinh(u_)^2", ties: true },
  { id: "sec-squared-minus-tan-squared", lhs: "a_*sec(u_)^2 - a_*tan(u_)^2", rhs: "a_" },
  { id: "csc-squared-minus-cot-squared", lhs: "a_*csc(u_)^2 - a_*cot(u_)^2", rhs: "a_" },
  { id: "cosh-plus-sinh", lhs: "a_*cosh(u_) + a_*sinh(u_)", rhs: "a_*exp(u_)" },
  { id: "cosh-minus-sinh", lhs: "a_*cosh(u_) - a_*sinh(u_)", rhs: "a_*exp(-u_)" },
  { id: "one-minus-sin-squared", lhs: "a_ - a_*sin(u_)^2", rhs: "a_*cos(u_)^2" },
  { id: "one-minus-cos-squared", lhs: "a_ - a_*cos(u_)^2", rhs: "a_*sin(u_)^2" },
  { id: "cosh-squared-minus-one", lhs: "a_*cosh(u_)^2 - a_", rhs: "a_*sinh(u_)^2" },
  { id: "one-plus-sinh-squared", lhs: "a_ + a_*sinh(u_)^2", rhs: "a_*cosh(u_)^2" },
  { id: "double-angle-sin", lhs: "a_*sin(u_)*cos(u_)", rhs: "a_*sin(2*u_)/2" },
  { id: "double-angle-cos", lhs: "a_*cos(u_)^2 - a_*sin(u_)^2", rhs: "a_*cos(2*u_)" },
  { id: "double-angle-cos-from-cos", lhs: "2*a_*cos(u_)^2 - a_", rhs: "a_*cos(2*u_)" },
  { id: "double-angle-cos-from-sin", lhs: "a_ - 2*a_*sin(u_)^2", rhs: "a_*cos(2*u_)" },
  { id: "double-angle-cosh-from-cosh", lhs: "2*a_*cosh(u_)^2 - a_", rhs: "a_*cosh(2*u_)" },
  { id: "double-angle-cosh-from-sinh", lhs: "a_ + 2*a_*sinh(u_)^2", rhs: "a_*cosh(2*u_)" },
  { id: "double-angle-sinh", lhs: "a_*sinh(u_)*cosh(u_)", rhs: "a_*sinh(2*u_)/2" },
  { id: "double-angle-cosh", lhs: "a_*cosh(u_)^2 + a_*sinh(u_)^2", rhs: "a_*cosh(2*u_)" },
  { id: "tan-quotient", lhs: "sin(u_)/cos(u_)", rhs: "tan(u_)" },
  { id: "cot-quotient", lhs: "cos(u_)/sin(u_)", rhs: "cot(u_)" },
  { id: "tanh-quotient", lhs: "sinh(u_)/cosh(u_)", rhs: "tanh(u_)" },
  { id: "coth-quotient", lhs: "cosh(u_)/sinh(u_)", rhs: "coth(u_)" },
  { id: "sec-reciprocal", lhs: "sec(u_)", rhs: "1/cos(u_)" },
  { id: "csc-reciprocal", lhs: "csc(u_)", rhs: "1/sin(u_)" },
  { id: "cos-reciprocal", lhs: "1/cos(u_)", rhs: "sec(u_)" },
  { id: "sin-reciprocal", lhs: "1/sin(u_)", rhs: "csc(u_)" },
  { id: "sech-reciprocal", lhs: "sech(u_)", rhs: "1/cosh(u_)" },
  { id: "csch-reciprocal", lhs: "csch(u_)", rhs: "1/sinh(u_)" },
  { id: "exp-product", lhs: "exp(a_)*exp(b_)", rhs: "exp(a_ + b_)" },
  { id: "logistic-flip", lhs: "a_*exp(u_)/(exp(u_) + 1)", rhs: "a_/(exp(-u_) + 1)" },
  { id: "exp-over-exp-squared-plus-one", lhs: "a_*exp(u_)/(exp(2*u_) + 1)", rhs: "a_/(2*cosh(u_))" },
  { id: "exp-over-exp-squared-minus-one", lhs: "a_*exp(u_)/(exp(2*u_) - 1)", rhs: "a_/(2*sinh(u_))" },
  { id: "one-minus-inverse-tanh-squared", lhs: "a_ - a_/tanh(u_)^2", rhs: "-a_/sinh(u_)^2" },
  { id: "one-plus-inverse-tan-squared", lhs: "a_ + a_/tan(u_)^2", rhs: "a_/sin(u_)^2" },
  { id: "inverse-cosh-squared-tanh", lhs: "a_/(cosh(u_)^2*tanh(u_))", rhs: "2*a_/sinh(2*u_)" },
  { id: "inverse-cos-squared-tan", lhs: "a_/(cos(u_)^2*tan(u_))", rhs: "2*a_/sin(2*u_)" },
  { id: "inverse-double-angle-sin", lhs: "a_/(sin(u_)*cos(u_))", rhs: "2*a_/sin(2*u_)" },
  { id: "inverse-double-angle-sinh", lhs: "a_/(sinh(u_)*cosh(u_))", rhs: "2*a_/sinh(2*u_)" },
  { id: "inverse-half-angle-cos", lhs: "a_/cos(u_)^2", rhs: "2*a_/(cos(2*u_) + 1)" },
  { id: "angle-sum-cos", lhs: "a_*cos(u_)*cos(v_) - a_*sin(u_)*sin(v_)", rhs: "a_*cos(u_ + v_)" },
  { id: "angle-difference-cos", lhs: "a_*cos(u_)*cos(v_) + a_*sin(u_)*sin(v_)", rhs: "a_*cos(u_ - v_)" },
  { id: "angle-sum-sin", lhs: "a_*sin(u_)*cos(v_) + a_*cos(u_)*sin(v_)", rhs: "a_*sin(u_ + v_)" },
  { id: "angle-difference-sin", lhs: "a_*sin(u_)*cos(v_) - a_*cos(u_)*sin(v_)", rhs: "a_*sin(u_ - v_)" },
  { id: "cos-times-csc", lhs: "a_*cos(u_)*csc(u_)", rhs: "a_*cot(u_)" },
  { id: "sin-times-sec", lhs: "a_*sin(u_)*sec(u_)", rhs: "a_*tan(u_)" },
  { id: "cosh-times-tanh", lhs: "a_*cosh(u_)*tanh(u_)", rhs: "a_*sinh(u_)" },
  { id: "cosh-times-tanh-power", lhs: "a_*cosh(u_)^n_*tanh(u_)^n_", rhs: "a_*sinh(u_)^n_" },
  { id: "tan-over-sec", lhs: "a_*tan(u_)/sec(u_)", rhs: "a_*sin(u_)" },
  { id: "cot-over-csc", lhs: "a_*cot(u_)/csc(u_)", rhs: "a_*cos(u_)" },
  { id: "tanh-over-sech", lhs: "a_*tanh(u_)/sech(u_)", rhs: "a_*sinh(u_)" },
  { id: "coth-over-csch", lhs: "a_*coth(u_)/csch(u_)", rhs: "a_*cosh(u_)" },
  { id: "cos-times-tan", lhs: "a_*cos(u_)*tan(u_)", rhs: "a_*sin(u_)" },
  { id: "cos-times-tan-squared", lhs: "a_*cos(u_)^2*tan(u_)^2", rhs: "a_*sin(u_)^2" },
  { id: "inverse-cos-times-tan-squared", lhs: "a_/(cos(u_)^2*tan(u_)^2)", rhs: "a_/sin(u_)^2" },
  { id: "angle-sum-cosh", lhs: "a_*cosh(u_)*cosh(v_) + a_*sinh(u_)*sinh(v_)", rhs: "a_*cosh(u_ + v_)" },
  { id: "angle-difference-cosh", lhs: "a_*cosh(u_)*cosh(v_) - a_*sinh(u_)*sinh(v_)", rhs: "a_*cosh(u_ - v_)" },
  { id: "angle-sum-sinh", lhs: "a_*sinh(u_)*cosh(v_) + a_*cosh(u_)*sinh(v_)", rhs: "a_*sinh(u_ + v_)" },
  { id: "angle-difference-sinh", lhs: "a_*sinh(u_)*cosh(v_) - a_*cosh(u_)*sinh(v_)", rhs: "a_*sinh(u_ - v_)" },
  // Compositions with inverse functions, for real u where the left side is defined (asin, acos
  // and atanh need |u| <= 1 or < 1, acosh u >= 1; the right side is defined there too).
  { id: "sin-asin", lhs: "sin(asin(u_))", rhs: "u_", inverse: true },
  { id: "cos-acos", lhs: "cos(acos(u_))", rhs: "u_", inverse: true },
  { id: "tan-atan", lhs: "tan(atan(u_))", rhs: "u_", inverse: true },
  { id: "sinh-asinh", lhs: "sinh(asinh(u_))", rhs: "u_", inverse: true },
  { id: "cosh-acosh", lhs: "cosh(acosh(u_))", rhs: "u_", inverse: true },
  { id: "tanh-atanh", lhs: "tanh(atanh(u_))", rhs: "u_", inverse: true },
  { id: "cos-asin", lhs: "cos(asin(u_))", rhs: "sqrt(1 - u_^2)", inverse: true },
  { id: "sin-acos", lhs: "sin(acos(u_))", rhs: "sqrt(1 - u_^2)", inverse: true },
  { id: "tan-asin", lhs: "tan(asin(u_))", rhs: "u_/sqrt(1 - u_^2)", inverse: true },
  { id: "tan-acos", lhs: "tan(acos(u_))", rhs: "sqrt(1 - u_^2)/u_", inverse: true },
  { id: "sec-asin", lhs: "sec(asin(u_))", rhs: "1/sqrt(1 - u_^2)", inverse: true },
  { id: "cos-atan", lhs: "cos(atan(u_))", rhs: "1/sqrt(u_^2 + 1)", inverse: true },
  { id: "sin-atan", lhs: "sin(atan(u_))", rhs: "u_/sqrt(u_^2 + 1)", inverse: true },
  { id: "sec-atan", lhs: "sec(atan(u_))", rhs: "sqrt(u_^2 + 1)", inverse: true },
  { id: "cosh-asinh", lhs: "cosh(asinh(u_))", rhs: "sqrt(u_^2 + 1)", inverse: true },
  { id: "tanh-asinh", lhs: "tanh(asinh(u_))", rhs: "u_/sqrt(u_^2 + 1)", inverse: true },
  { id: "sinh-acosh", lhs: "sinh(acosh(u_))", rhs: "sqrt(u_^2 - 1)", inverse: true },
  { id: "cosh-atanh", lhs: "cosh(atanh(u_))", rhs: "1/sqrt(1 - u_^2)", inverse: true },
  { id: "sinh-atanh", lhs: "sinh(atanh(u_))", rhs: "u_/sqrt(1 - u_^2)", inverse: true },
  { id: "sign-over-abs", lhs: "a_*sign(u_)/abs(u_)", rhs: "a_/u_" },
  { id: "sign-times-abs", lhs: "a_*sign(u_)*abs(u_)", rhs: "a_*u_" },
  { id: "sqrt-of-square", lhs: "sqrt(u_^2)", rhs: "abs(u_)" },
  { id: "sqrt-of-square-nonnegative", lhs: "sqrt(u_^2)", rhs: "u_", require: { u_: "nonnegative" } },
  { id: "power-of-power-nonnegative", lhs: "(u_^n_)^m_", rhs: "u_^(n_*m_)", require: { u_: "nonnegative" } },
  { id: "abs-squared", lhs: "abs(u_)^2", rhs: "u_^2" },
  { id: "abs-nonnegative", lhs: "abs(u_)", rhs: "u_", require: { u_: "nonnegative" } },
  { id: "sign-positive", lhs: "sign(u_)", rhs: "1", require: { u_: "positive" } },
  { id: "log-of-power-positive", lhs: "log(u_^n_)", rhs: "n_*log(u_)", require: { u_: "positive" } },
];
