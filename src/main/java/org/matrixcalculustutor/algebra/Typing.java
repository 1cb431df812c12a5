package org.matrixcalculustutor.algebra;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What shape checking found: the shape of every node (by identity, as the parser's spans are
 * kept) and the declarations of every symbol, the inferred ones included. Sizes are solved:
 * a size no constraint fixed is given a fresh name such as n1.
 */
public final class Typing {

  private final Expr root;
  private final IdentityHashMap<Expr, Shape> shapes;
  private final Declarations declarations;

  Typing(Expr root, IdentityHashMap<Expr, Shape> shapes, Declarations declarations) {
    this.root = root;
    this.shapes = shapes;
    this.declarations = declarations;
  }

  public Expr root() {
    return root;
  }

  public Shape shape() {
    return shapes.get(root);
  }

  /** The shape of a node of this tree (the same instance), or null for a node not in it. */
  public Shape shapeOf(Expr node) {
    return shapes.get(node);
  }

  public Declarations declarations() {
    return declarations;
  }

  Map<Expr, Shape> shapes() {
    return shapes;
  }
}
