package org.matrixcalculustutor.web;

/**
 * The body of every API error: what went wrong and, for bad input, the 1-based position in it.
 *
 * @param error a message a student can read
 * @param position where in the input, or null
 */
public record ApiError(String error, Integer position) {}
