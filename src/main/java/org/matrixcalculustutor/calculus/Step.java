package org.matrixcalculustutor.calculus;

/** One line a teacher would write in a derivation: the rule's name and the line as LaTeX. */
public record Step(String rule, String latex) {}
