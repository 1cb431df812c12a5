package org.matrixcalculustutor.algebra;


/**
 * One run of a strategy over one tree: the shapes it asks about, what it has already brought to
 * final form (so nothing is worked on twice), and the bounds on its work, checked as it goes.
 */
final class Rewriting {

  /** The most nodes one run works on (each visit or rewrite); the worked examples stay far below. */
  static final int MAX_APPLICATIONS = 5_000;

  private final Shapes shapes;
  private final Strategy strategy;
  /** What the run does, for a message: "simplifying", "expanding". */
  private final String doing;
  /**
   * The nodes no rule rewrites any more, with final children: never visited again in this run, nor
   * in a later run of the same strategy with the same shapes.
   */
  private final java.util.Set<Expr> finals;
  /** The request's deadline, looked up once: a run checks it at every node. */
  private final Deadline deadline = Deadline.current();
  private int applications;
  /** The rules applied so far, in order, when the run keeps a log (SymPy's debug strategy); else null. */
  private java.util.List<String> log;

  Rewriting(Shapes shapes, Strategy strategy, String doing) {
    this.shapes = shapes;
    this.strategy = strategy;
    this.doing = doing;
    this.finals = shapes.finalUnder(strategy);
  }

  Shapes shapes() {
    return shapes;
  }

  /** The whole strategy of this run on e: how a rule brings a part it built to final form. */
  Expr run(Expr e) {
    return strategy.apply(e, this);
  }

  boolean isFinal(Expr e) {
    return finals.contains(e);
  }

  void markFinal(Expr e) {
    finals.add(e);
  }

  /** Whether every child of e is final (a leaf has none, so it is). */
  boolean childrenFinal(Expr e) {
    return Children.all(e, finals::contains);
  }

  /** Counts one unit of work against the bounds: the deadline and the most applications. */
  void visit() {
    deadline.checkNow();
    if (++applications > MAX_APPLICATIONS) {
      throw new ExpressionException(doing + " this expression takes more than "
          + String.format(java.util.Locale.ROOT, "%,d", MAX_APPLICATIONS) + " steps, more than the tutor works with:"
          + " simplify it first, or split it into smaller problems");
    }
  }

  /** Keeps a log of the rules this run applies, "name: before -> after", for tests and debugging. */
  Rewriting logging() {
    log = new java.util.ArrayList<>();
    return this;
  }

  java.util.List<String> log() {
    return log;
  }

  /** A rule rewrote before to after: logged, then counted and bounded as every rewrite is. */
  Expr applied(Rule<?> rule, Expr before, Expr after) {
    if (log != null) {
      log.add(rule.name() + ": " + TextPrinter.print(before) + " -> " + TextPrinter.print(after));
    }
    return rewritten(before, after);
  }

  /**
   * A rule rewrote before to after: counted, bounded in size (only a rule makes a tree grow), and a
   * non-scalar that comes out as the number 0 (y - y, 0*A) becomes the zero of its shape, so that
   * softmax(y - y) or (y - y) .* z keep their sizes.
   */
  Expr rewritten(Expr before, Expr after) {
    visit();
    NodeCounter.requireWithinLimit(after, doing.equals("expanding") ? "the expanded form" : "the simplified form");
    if (Exprs.isNumber(after, 0) && !(before instanceof Expr.Number)) {
      Shape shape = shapes.of(before);
      if (!shape.isScalar() && isDeclared(shape.rows()) && isDeclared(shape.cols())) {
        return new Expr.Zeros(shape.rows(), shape.cols());
      }
    }
    return after;
  }

  /** A size the declarations fix, not one shape inference made up for a context-sized constant. */
  boolean isDeclared(Size size) {
    return size instanceof Size.Fixed || shapes.declarations().all().stream()
        .anyMatch(d -> d.shape().rows().equals(size) || d.shape().cols().equals(size));
  }
}
