package org.matrixcalculustutor.numeric;

import java.util.IdentityHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.matrixcalculustutor.algebra.Expr;

/**
 * The values of nodes at one point, by node identity, as an evaluation reads and adds them: those
 * every grading of a problem shares (its derivative's parts, only read here) and this grading's own.
 * Values are never changed in place, so they may be shared.
 */
final class PartValues {

  private final Map<Expr, DMatrixRMaj> shared;
  private final Map<Expr, DMatrixRMaj> own = new IdentityHashMap<>();

  PartValues(Map<Expr, DMatrixRMaj> shared) {
    this.shared = shared;
  }

  PartValues() {
    this(Map.of());
  }

  DMatrixRMaj get(Expr node) {
    DMatrixRMaj value = shared.isEmpty() ? null : shared.get(node);
    return value != null ? value : own.get(node);
  }

  void put(Expr node, DMatrixRMaj value) {
    own.put(node, value);
  }

  /** The values this evaluation added, to be shared from now on. */
  Map<Expr, DMatrixRMaj> own() {
    return own;
  }
}
