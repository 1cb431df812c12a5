package org.matrixcalculustutor.web;

import java.time.Duration;
import org.matrixcalculustutor.algebra.Limits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The engine's limits, configurable as tutor.limits.*; the defaults are the engine's own.
 *
 * @param maxInputLength characters in one expression or declaration block
 * @param maxNestingDepth nesting of parentheses, brackets and calls
 * @param maxMatrixSize rows or columns of a matrix literal, largest fixed size
 * @param maxBodyBytes bytes in one request body
 * @param bodyReadTimeout the longest a client may take to send a request body
 */
@ConfigurationProperties("tutor.limits")
record LimitsProperties(Integer maxInputLength, Integer maxNestingDepth, Integer maxMatrixSize,
    Integer maxBodyBytes, Duration bodyReadTimeout) {

  static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
  static final Duration BODY_READ_TIMEOUT = Duration.ofSeconds(10);

  Limits limits() {
    return new Limits(
        maxInputLength == null ? Limits.MAX_INPUT_LENGTH : maxInputLength,
        maxNestingDepth == null ? Limits.MAX_NESTING_DEPTH : maxNestingDepth,
        maxMatrixSize == null ? Limits.MAX_MATRIX_SIZE : maxMatrixSize);
  }

  Duration bodyTimeout() {
    return bodyReadTimeout == null ? BODY_READ_TIMEOUT : bodyReadTimeout;
  }

  int bodyLimit() {
    return maxBodyBytes == null ? MAX_BODY_BYTES : maxBodyBytes;
  }
}
