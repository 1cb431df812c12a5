package org.matrixcalculustutor.lessons;

import java.util.Locale;
import java.util.Random;

/**
 * The lessons' figures, drawn by the app as inline SVG (no image files, nothing from the
 * internet). Each is computed from its mathematics: the tangent really is (-r sin t, r cos t), the
 * fitted line really solves the normal equations of its points.
 */
public final class SvgFigures {

  public static final SvgFigures INSTANCE = new SvgFigures();

  private static final String ARROW_HEAD = "<defs><marker id=\"%s\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
      + "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
      + "fill=\"%s\"/></marker></defs>";

  // drawn once: a figure never changes, and a chapter's page is viewed many times
  private final String circleTangent = drawCircleTangent();
  private final String directionalDerivative = drawDirectionalDerivative();
  private final String leastSquaresFit = drawLeastSquaresFit();
  private final String layoutShapes = drawLayoutShapes();

  private SvgFigures() {}

  public String circleTangent() {
    return circleTangent;
  }

  public String directionalDerivative() {
    return directionalDerivative;
  }

  public String leastSquaresFit() {
    return leastSquaresFit;
  }

  public String layoutShapes() {
    return layoutShapes;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** A circle of radius r, the point at angle t and its tangent (-r sin t, r cos t). */
  private static String drawCircleTangent() {
    double cx = 150;
    double cy = 140;
    double r = 90;
    double t = Math.PI / 5;
    double px = cx + r * Math.cos(t);
    double py = cy - r * Math.sin(t);
    double scale = 0.8;
    double tx = px + scale * (-r * Math.sin(t));
    double ty = py - scale * (r * Math.cos(t));
    return "<svg id=\"figure-circle-tangent\" class=\"figure\" viewBox=\"0 0 360 280\" role=\"img\" "
        + "aria-label=\"A circle with the tangent vector at one point\">"
        + String.format(ARROW_HEAD, "arrow-tangent", "#c0392b")
        + "<line x1=\"20\" y1=\"" + f(cy) + "\" x2=\"300\" y2=\"" + f(cy) + "\" stroke=\"#bbb\"/>"
        + "<line x1=\"" + f(cx) + "\" y1=\"20\" x2=\"" + f(cx) + "\" y2=\"260\" stroke=\"#bbb\"/>"
        + "<circle cx=\"" + f(cx) + "\" cy=\"" + f(cy) + "\" r=\"" + f(r) + "\" fill=\"none\" stroke=\"#2f5bd3\" stroke-width=\"2\"/>"
        + "<line x1=\"" + f(cx) + "\" y1=\"" + f(cy) + "\" x2=\"" + f(px) + "\" y2=\"" + f(py) + "\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>"
        + "<circle cx=\"" + f(px) + "\" cy=\"" + f(py) + "\" r=\"4\" fill=\"#1d2433\"/>"
        + "<line x1=\"" + f(px) + "\" y1=\"" + f(py) + "\" x2=\"" + f(tx) + "\" y2=\"" + f(ty) + "\" stroke=\"#c0392b\" "
        + "stroke-width=\"2.5\" marker-end=\"url(#arrow-tangent)\"/>"
        + "<text x=\"" + f(px + 8) + "\" y=\"" + f(py + 16) + "\" font-size=\"13\">(r cos t, r sin t)</text>"
        + "<text x=\"" + f(tx - 30) + "\" y=\"" + f(ty - 8) + "\" font-size=\"13\" fill=\"#c0392b\">(−r sin t, r cos t)</text>"
        + "<text x=\"" + f(cx + 30) + "\" y=\"" + f(cy - 8) + "\" font-size=\"13\">t</text>"
        + "</svg>";
  }

  /**
   * Contours of f(x) = x'Ax for A = [2, 0.6; 0.6, 1], the gradient (A + A')x at one point, a unit
   * direction u, and the directional derivative u'∇f.
   */
  private static String drawDirectionalDerivative() {
    double[][] a = {{2, 0.6}, {0.6, 1}};
    double cx = 170;
    double cy = 150;
    double unit = 55;
    StringBuilder svg = new StringBuilder("<svg id=\"figure-directional\" class=\"figure\" viewBox=\"0 0 340 300\" "
        + "role=\"img\" aria-label=\"Contours of a quadratic form with its gradient and a direction\">");
    svg.append(String.format(ARROW_HEAD, "arrow-gradient", "#c0392b"));
    svg.append(String.format(ARROW_HEAD, "arrow-direction", "#1e6b35"));
    // eigen-decomposition of the symmetric 2 x 2 matrix gives the ellipses' axes
    double trace = a[0][0] + a[1][1];
    double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
    double l1 = trace / 2 + Math.sqrt(trace * trace / 4 - det);
    double l2 = trace / 2 - Math.sqrt(trace * trace / 4 - det);
    double angle = Math.toDegrees(0.5 * Math.atan2(2 * a[0][1], a[0][0] - a[1][1]));
    for (double level : new double[] {0.5, 1.5, 3, 5}) {
      svg.append("<ellipse cx=\"").append(f(cx)).append("\" cy=\"").append(f(cy)).append("\" rx=\"")
          .append(f(unit * Math.sqrt(level / l1))).append("\" ry=\"").append(f(unit * Math.sqrt(level / l2)))
          .append("\" transform=\"rotate(").append(f(-angle)).append(' ').append(f(cx)).append(' ').append(f(cy))
          .append(")\" fill=\"none\" stroke=\"#9aa8d6\"/>");
    }
    double x = 0.8;
    double y = 0.9;
    double gx = 2 * (a[0][0] * x + a[0][1] * y); // (A + A') x = 2 A x for symmetric A
    double gy = 2 * (a[1][0] * x + a[1][1] * y);
    double px = cx + unit * x;
    double py = cy - unit * y;
    double g = 12;
    svg.append("<circle cx=\"").append(f(px)).append("\" cy=\"").append(f(py)).append("\" r=\"4\" fill=\"#1d2433\"/>");
    svg.append("<line x1=\"").append(f(px)).append("\" y1=\"").append(f(py)).append("\" x2=\"").append(f(px + g * gx))
        .append("\" y2=\"").append(f(py - g * gy)).append("\" stroke=\"#c0392b\" stroke-width=\"2.5\" marker-end=\"url(#arrow-gradient)\"/>");
    double ux = Math.cos(Math.toRadians(-20));
    double uy = Math.sin(Math.toRadians(-20));
    svg.append("<line x1=\"").append(f(px)).append("\" y1=\"").append(f(py)).append("\" x2=\"").append(f(px + 50 * ux))
        .append("\" y2=\"").append(f(py - 50 * uy)).append("\" stroke=\"#1e6b35\" stroke-width=\"2.5\" marker-end=\"url(#arrow-direction)\"/>");
    double slope = ux * gx + uy * gy;
    svg.append("<text x=\"").append(f(px + g * gx - 20)).append("\" y=\"").append(f(py - g * gy - 8))
        .append("\" font-size=\"13\" fill=\"#c0392b\">∇f</text>");
    svg.append("<text x=\"").append(f(px + 54 * ux)).append("\" y=\"").append(f(py - 54 * uy + 14))
        .append("\" font-size=\"13\" fill=\"#1e6b35\">u</text>");
    svg.append("<text x=\"12\" y=\"290\" font-size=\"13\">slope along u: u·∇f = ")
        .append(String.format(Locale.ROOT, "%.2f", slope)).append("</text>");
    return svg.append("</svg>").toString();
  }

  /** Noisy points around a line and the least-squares fit w = (X'X)^-1 X'y with X = [1, x]. */
  private static String drawLeastSquaresFit() {
    Random random = new Random(417);
    int n = 14;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = 0.5 + i * 0.65;
      ys[i] = 1.2 + 0.7 * xs[i] + random.nextGaussian() * 0.6;
    }
    // normal equations for y = w0 + w1 x: [n, Σx; Σx, Σx²] w = [Σy; Σxy]
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sx += xs[i];
      sy += ys[i];
      sxx += xs[i] * xs[i];
      sxy += xs[i] * ys[i];
    }
    double det = n * sxx - sx * sx;
    double w0 = (sxx * sy - sx * sxy) / det;
    double w1 = (n * sxy - sx * sy) / det;
    double left = 30;
    double bottom = 260;
    double scale = 30;
    StringBuilder svg = new StringBuilder("<svg id=\"figure-least-squares\" class=\"figure\" viewBox=\"0 0 340 290\" "
        + "role=\"img\" aria-label=\"Points and their least-squares line with residuals\">");
    svg.append("<line x1=\"").append(f(left)).append("\" y1=\"").append(f(bottom)).append("\" x2=\"330\" y2=\"")
        .append(f(bottom)).append("\" stroke=\"#bbb\"/>");
    svg.append("<line x1=\"").append(f(left)).append("\" y1=\"10\" x2=\"").append(f(left)).append("\" y2=\"")
        .append(f(bottom)).append("\" stroke=\"#bbb\"/>");
    for (int i = 0; i < n; i++) {
      double px = left + scale * xs[i];
      double py = bottom - scale * ys[i];
      double fy = bottom - scale * (w0 + w1 * xs[i]);
      svg.append("<line x1=\"").append(f(px)).append("\" y1=\"").append(f(py)).append("\" x2=\"").append(f(px))
          .append("\" y2=\"").append(f(fy)).append("\" stroke=\"#e59866\"/>");
      svg.append("<circle cx=\"").append(f(px)).append("\" cy=\"").append(f(py)).append("\" r=\"3.5\" fill=\"#1d2433\"/>");
    }
    double x1 = 0;
    double x2 = 9.5;
    svg.append("<line x1=\"").append(f(left + scale * x1)).append("\" y1=\"").append(f(bottom - scale * (w0 + w1 * x1)))
        .append("\" x2=\"").append(f(left + scale * x2)).append("\" y2=\"").append(f(bottom - scale * (w0 + w1 * x2)))
        .append("\" stroke=\"#2f5bd3\" stroke-width=\"2.5\"/>");
    svg.append("<text x=\"40\" y=\"24\" font-size=\"13\">fit: y = ").append(String.format(Locale.ROOT, "%.2f", w0))
        .append(" + ").append(String.format(Locale.ROOT, "%.2f", w1)).append(" x (normal equations)</text>");
    return svg.append("</svg>").toString();
  }

  /**
   * The shapes the two layouts give for x in R^3 and y in R^2: the gradient of a scalar as a row or
   * a column, the Jacobian as 2 x 3 or 3 x 2; one square per entry.
   */
  private static String drawLayoutShapes() {
    StringBuilder svg = new StringBuilder("<svg id=\"figure-layouts\" class=\"figure wide\" viewBox=\"0 0 440 230\" "
        + "role=\"img\" aria-label=\"Shapes of derivatives in numerator and denominator layout\">");
    svg.append("<text x=\"130\" y=\"18\" font-size=\"13\" text-anchor=\"middle\">numerator layout</text>");
    svg.append("<text x=\"330\" y=\"18\" font-size=\"13\" text-anchor=\"middle\">denominator layout</text>");
    svg.append("<text x=\"8\" y=\"70\" font-size=\"13\">∂f/∂x</text>");
    svg.append("<text x=\"8\" y=\"170\" font-size=\"13\">∂y/∂x</text>");
    grid(svg, 95, 55, 1, 3, "#2f5bd3");
    grid(svg, 315, 35, 3, 1, "#c0392b");
    grid(svg, 95, 140, 2, 3, "#2f5bd3");
    grid(svg, 305, 130, 3, 2, "#c0392b");
    svg.append("<text x=\"130\" y=\"100\" font-size=\"12\" text-anchor=\"middle\" fill=\"#5d6678\">1 × 3 (a row)</text>");
    svg.append("<text x=\"385\" y=\"75\" font-size=\"12\" fill=\"#5d6678\">3 × 1</text>");
    svg.append("<text x=\"130\" y=\"210\" font-size=\"12\" text-anchor=\"middle\" fill=\"#5d6678\">2 × 3 (J)</text>");
    svg.append("<text x=\"385\" y=\"175\" font-size=\"12\" fill=\"#5d6678\">3 × 2 (Jᵀ)</text>");
    return svg.append("</svg>").toString();
  }

  private static void grid(StringBuilder svg, double x, double y, int rows, int cols, String color) {
    double cell = 22;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        svg.append("<rect x=\"").append(f(x + j * cell)).append("\" y=\"").append(f(y + i * cell))
            .append("\" width=\"").append(f(cell - 2)).append("\" height=\"").append(f(cell - 2))
            .append("\" fill=\"").append(color).append("\" fill-opacity=\"0.18\" stroke=\"").append(color).append("\"/>");
      }
    }
  }
}
