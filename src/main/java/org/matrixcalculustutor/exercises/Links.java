package org.matrixcalculustutor.exercises;

/** Addresses of lesson sections as the bank names them: "differentials#identity-rule-product". */
final class Links {

  private Links() {}

  /** "differentials#rules" is /lessons/differentials#rules; "vectors" is /lessons/vectors. */
  static String lesson(String section) {
    return "/lessons/" + section;
  }

  /** The chapter slug of "differentials#rules". */
  static String chapter(String section) {
    int hash = section.indexOf('#');
    return hash < 0 ? section : section.substring(0, hash);
  }
}
