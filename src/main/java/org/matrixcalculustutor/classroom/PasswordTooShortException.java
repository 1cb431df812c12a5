package org.matrixcalculustutor.classroom;

/** TUTOR_TEACHER_PASSWORD is too short to stand against guessing: the app does not start with it. */
class PasswordTooShortException extends IllegalStateException {

  final int length;
  final int minimum;

  PasswordTooShortException(int length, int minimum) {
    super("TUTOR_TEACHER_PASSWORD (tutor.teacher.password) has " + length + " characters; the teacher's password needs at least "
        + minimum + ".");
    this.length = length;
    this.minimum = minimum;
  }
}
