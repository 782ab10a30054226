/**
 * Operator precedence shared by the parser and the printers (higher binds tighter).
 *
 *   sum        a + b, a - b                 left-associative
 *   product    a * b, a / b                 left-associative
 *   implicit   2x, 2(x+1), (x+1)(x-1)       binds tighter than * and /, so 1/2x = 1/(2*x)
 *   unary      -a                           looser than ^: -x^2 = -(x^2)
 *   power      a ^ b                        right-associative: x^y^z = x^(y^z); x^-2 allowed
 *   postfix    ², ³, calls, parentheses
 */
export const PRECEDENCE = {
  sum: 1,
  product: 2,
  implicit: 3,
  unary: 4,
  power: 5,
  atom: 6,
} as const;
