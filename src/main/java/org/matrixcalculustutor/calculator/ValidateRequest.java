package org.matrixcalculustutor.calculator;

/**
 * POST /api/validate: parse text, for a live preview.
 *
 * @param text an expression
 * @param declarations optional, one declaration per line
 */
record ValidateRequest(String text, String declarations) {}
