package org.matrixcalculustutor.calculator;

/**
 * POST /api/derivative: differentiate expression with respect to variable.
 *
 * @param expression f in the language of the course
 * @param variable the symbol to differentiate with respect to
 * @param declarations optional, one declaration per line ("A: matrix n x n symmetric")
 * @param layout "denominator" (default) or "numerator"
 * @param order 1 (default) for the first derivative, 2 for the Hessian
 */
record DerivativeRequest(String expression, String variable, String declarations, String layout, Integer order) {}
