package org.ordex.potentials.mtp;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Limited-memory BFGS minimisation (Nocedal and Wright, Algorithms 7.4 and 7.5) with a line
 * search satisfying the strong Wolfe conditions (their Algorithms 3.5 and 3.6, cubic
 * interpolation safeguarded by bisection), optionally preconditioned (the initial inverse
 * Hessian γ·M⁻¹ instead of γ·I). Stateful: each {@link #iterate()} takes one
 * accepted step, so a caller can run several starts for a few iterations each and continue
 * the best. Deterministic.
 */
final class Lbfgs {
  /** A smooth function: returns f(x) and writes ∇f(x) into {@code gradient}. */
  interface Objective {
    double evaluate(double[] x, double[] gradient);
  }

  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private static final int MAX_LINE_EVALUATIONS = 25;

  /** An approximation M⁻¹ of the inverse Hessian applied to a vector (a preconditioner). */
  interface Preconditioner {
    double[] apply(double[] v);
  }

  private Preconditioner preconditioner;
  private final Objective f;
  private final int memory;
  private final double firstStep;
  private final ArrayDeque<double[]> sHistory = new ArrayDeque<>();
  private final ArrayDeque<double[]> yHistory = new ArrayDeque<>();
  private double[] x;
  private double[] g;
  private double value;
  private int iterations;
  private int evaluations;

  /**
   * Starts at x0 (evaluated once); {@code firstStep} is the largest coordinate change of the
   * first trial step, {@code memory} the number of correction pairs kept.
   */
  Lbfgs(Objective f, double[] x0, int memory, double firstStep) {
    this.f = f;
    this.memory = memory;
    this.firstStep = firstStep;
    this.x = x0.clone();
    this.g = new double[x0.length];
    this.value = eval(x, g);
  }

  private double eval(double[] at, double[] grad) {
    evaluations++;
    return f.evaluate(at, grad);
  }

  /**
   * Uses γ·M⁻¹ as the initial inverse Hessian of every step (γ from the latest secant pair;
   * without history the first step is the full preconditioned step −M⁻¹g).
   */
  void precondition(Preconditioner m) {
    this.preconditioner = m;
  }

  double value() {
    return value;
  }

  double[] x() {
    return x.clone();
  }

  double[] gradient() {
    return g.clone();
  }

  int iterations() {
    return iterations;
  }

  int evaluations() {
    return evaluations;
  }

  /** Takes one step; false when no step decreases f (a stationary point to round-off). */
  boolean iterate() {
    double[] d = direction();
    double slope = dot(g, d);
    if (!(slope < 0)) {
      sHistory.clear();
      yHistory.clear();
      d = direction();
      slope = dot(g, d);
      if (!(slope < 0)) {
        return false;
      }
    }
    double alpha = 1;
    if (sHistory.isEmpty() && preconditioner == null) {
      double max = 0;
      for (double v : d) {
        max = Math.max(max, Math.abs(v));
      }
      alpha = firstStep / max;
    }
    Point p = lineSearch(d, slope, alpha);
    if (p == null) {
      return false;
    }
    double[] s = new double[x.length];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      s[i] = p.x[i] - x[i];
      y[i] = p.g[i] - g[i];
    }
    if (dot(s, y) > 1e-300) {
      sHistory.addLast(s);
      yHistory.addLast(y);
      if (sHistory.size() > memory) {
        sHistory.removeFirst();
        yHistory.removeFirst();
      }
    }
    x = p.x;
    g = p.g;
    value = p.value;
    iterations++;
    return true;
  }

  /** −H·g by the two-loop recursion (steepest descent without history). */
  private double[] direction() {
    double[] q = new double[g.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = -g[i];
    }
    int m = sHistory.size();
    double[] alphas = new double[m];
    double[] rhos = new double[m];
    Iterator<double[]> si = sHistory.descendingIterator();
    Iterator<double[]> yi = yHistory.descendingIterator();
    for (int k = m - 1; k >= 0; k--) {
      double[] s = si.next();
      double[] y = yi.next();
      rhos[k] = 1 / dot(y, s);
      alphas[k] = rhos[k] * dot(s, q);
      axpy(-alphas[k], y, q);
    }
    if (preconditioner != null) {
      double gamma = 1;
      if (m > 0) {
        double[] s = sHistory.peekLast();
        double[] y = yHistory.peekLast();
        double yMy = dot(y, preconditioner.apply(y));
        gamma = yMy > 0 ? dot(s, y) / yMy : 1;
      }
      q = preconditioner.apply(q);
      for (int i = 0; i < q.length; i++) {
        q[i] *= gamma;
      }
    } else if (m > 0) {
      double[] s = sHistory.peekLast();
      double[] y = yHistory.peekLast();
      double gamma = dot(s, y) / dot(y, y);
      for (int i = 0; i < q.length; i++) {
        q[i] *= gamma;
      }
    }
    si = sHistory.iterator();
    yi = yHistory.iterator();
    for (int k = 0; k < m; k++) {
      double[] s = si.next();
      double[] y = yi.next();
      double beta = rhos[k] * dot(y, q);
      axpy(alphas[k] - beta, s, q);
    }
    return q;
  }

  /** A trial point: step length, position, value, gradient and slope along the direction. */
  private record Point(double alpha, double[] x, double value, double[] g, double slope) {}

  private Point trial(double[] d, double alpha) {
    double[] xt = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      xt[i] = x[i] + alpha * d[i];
    }
    double[] gt = new double[x.length];
    double v = eval(xt, gt);
    return new Point(alpha, xt, v, gt, dot(gt, d));
  }

  /** A step satisfying the strong Wolfe conditions, or the best decrease found, or null. */
  private Point lineSearch(double[] d, double slope0, double alpha0) {
    Point start = new Point(0, x, value, g, slope0);
    Point prev = start;
    double alpha = alpha0;
    for (int k = 0; k < MAX_LINE_EVALUATIONS; k++) {
      Point p = trial(d, alpha);
      if (!Double.isFinite(p.value) || p.value > value + C1 * alpha * slope0
          || (k > 0 && p.value >= prev.value)) {
        return zoom(d, slope0, prev, p, MAX_LINE_EVALUATIONS - k - 1);
      }
      if (Math.abs(p.slope) <= -C2 * slope0) {
        return p;
      }
      if (p.slope >= 0) {
        return zoom(d, slope0, p, prev, MAX_LINE_EVALUATIONS - k - 1);
      }
      prev = p;
      alpha *= 2;
    }
    return prev == start ? null : prev;
  }

  private Point zoom(double[] d, double slope0, Point lo, Point hi, int budget) {
    for (int k = 0; k < budget; k++) {
      double a = interpolate(lo, hi);
      Point p = trial(d, a);
      if (!Double.isFinite(p.value) || p.value > value + C1 * a * slope0
          || p.value >= lo.value) {
        hi = p;
      } else {
        if (Math.abs(p.slope) <= -C2 * slope0) {
          return p;
        }
        if (p.slope * (hi.alpha - lo.alpha) >= 0) {
          hi = lo;
        }
        lo = p;
      }
      if (Math.abs(hi.alpha - lo.alpha) <= 1e-16 * Math.max(1, Math.abs(lo.alpha))) {
        break;
      }
    }
    return lo.alpha > 0 && lo.value < value ? lo : null;
  }

  /** The cubic's minimiser between lo and hi, kept 10 % away from the ends. */
  private static double interpolate(Point lo, Point hi) {
    double a = lo.alpha;
    double b = hi.alpha;
    double lower = Math.min(a, b) + 0.1 * Math.abs(b - a);
    double upper = Math.max(a, b) - 0.1 * Math.abs(b - a);
    if (!Double.isFinite(hi.value)) {
      return 0.5 * (a + b);
    }
    double d1 = lo.slope + hi.slope - 3 * (lo.value - hi.value) / (a - b);
    double disc = d1 * d1 - lo.slope * hi.slope;
    if (disc < 0) {
      return 0.5 * (a + b);
    }
    double d2 = Math.signum(b - a) * Math.sqrt(disc);
    double t = b - (b - a) * (hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2);
    if (!Double.isFinite(t)) {
      return 0.5 * (a + b);
    }
    return Math.min(upper, Math.max(lower, t));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }
}
