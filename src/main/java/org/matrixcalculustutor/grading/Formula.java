package org.matrixcalculustutor.grading;

/**
 * An expression as a page shows it: the text in the course's language, the server's own LaTeX,
 * and its shape.
 */
public record Formula(String text, String latex, String shape) {}
