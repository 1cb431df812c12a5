package org.matrixcalculustutor.grading;

/**
 * One finding about a wrong answer, with a plain-language message.
 *
 * @param code the kind of mistake
 * @param message what a student reads
 */
public record Diagnosis(DiagnosisCode code, String message) {}
