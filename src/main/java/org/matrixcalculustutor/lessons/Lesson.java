package org.matrixcalculustutor.lessons;

/**
 * A chapter of the course.
 *
 * @param number 1 to 8, the reading order
 * @param slug its address: /lessons/{slug}, and its template lessons/{slug}
 * @param title the chapter's title
 * @param summary one sentence for the chapter list
 */
public record Lesson(int number, String slug, String title, String summary) {}
