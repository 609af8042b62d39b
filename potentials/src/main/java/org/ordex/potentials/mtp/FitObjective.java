package org.ordex.potentials.mtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * MLIP's training loss as a function of the radial coefficients alone (variable
 * projection): for given radial coefficients the species and moment coefficients θ that
 * minimise the loss are found exactly by linear least squares, and the gradient follows from
 * the residuals at that θ (the loss is stationary in θ there, so θ's dependence on the
 * radial coefficients drops out).
 *
 * <p>The loss (MLIP's default "vibrations" weighting, averaged over the K configurations):
 * L = (1/K) Σ_cfg [w_E (E − E⁰)²/n + w_F Σ_atoms |F − F⁰|² + w_S ‖S − S⁰‖²_F / n], with n the
 * number of atoms and S the PlusStress (virial, eV) as a full 3×3 matrix. The loss does not
 * depend on the scale of a radial function (the moment coefficients absorb it), so the model
 * uses each radial function c_μ normalised over all species pairs, c_μ/|c_μ|, which takes that
 * free direction out of the optimisation. Added to the loss: a small ridge
 * γ Σ_k d_k θ_k² with d_k the squared column norms of the weighted linear problem (fixed when
 * the ridge is reset, so the objective stays one smooth function during an optimisation), and
 * MLIP's penalty w_r [Σ_μ (|c_μ|² − 1)² + Σ_{μ&lt;ν} (c_μ·c_ν)²] on the raw radial
 * coefficients, which keeps their norms near 1. Configurations are split into fixed blocks (independent
 * of the thread count) whose partial results merge in order, so the value is the same with
 * any number of threads.
 */
final class FitObjective {
  /** Weights of energies, forces and stresses (MLIP's defaults: 1, 0.01, 0.001). */
  record Weights(double energy, double force, double stress) {}

  /**
   * One evaluation.
   *
   * @param value the objective
   * @param gradient d(value)/d(radial coefficients)
   * @param radial the radial coefficients of the model: each radial function normalised
   * @param linear the optimal species then moment coefficients
   * @param energy the energy part of the loss
   * @param forces the force part
   * @param stresses the stress part
   */
  record Evaluation(double value, double[] gradient, double[] radial, double[] linear,
      double energy, double forces, double stresses) {}

  private final MtpPotential template;
  private final List<FitConfiguration> cfgs;
  private final Weights weights;
  private final double ridge;
  private final double penalty;
  private final ExecutorService pool;
  private final int[] blockStarts;
  private final int unknowns;
  private final int scalars;
  private final int species;
  private double[] ridgeWeights;
  /** Each configuration's linear rows, kept between the two passes when memory allows. */
  private final Rows[] rows;
  private final java.util.ArrayDeque<double[]> recentX = new java.util.ArrayDeque<>();
  private final java.util.ArrayDeque<Evaluation> recent = new java.util.ArrayDeque<>();
  private int epochs;
  private long epochNanos;
  private int curvatures;
  private long curvatureNanos;

  /**
   * The objective of a template's basis on prepared configurations; {@code ridge} is γ,
   * {@code penalty} w_r; {@code pool} runs the blocks (null: the calling thread). The linear
   * rows are kept between the passes when they need at most {@code rowBytes} bytes, else
   * recomputed by the calculator.
   */
  FitObjective(MtpPotential template, List<FitConfiguration> cfgs, Weights weights,
      double ridge, double penalty, ExecutorService pool, long rowBytes) {
    this.template = template;
    this.cfgs = cfgs;
    this.weights = weights;
    this.ridge = ridge;
    this.penalty = penalty;
    this.pool = pool;
    this.species = template.speciesCount();
    this.scalars = template.alphaScalarMoments();
    this.unknowns = species + scalars;
    int rowsPerCfg = 0;
    for (FitConfiguration c : cfgs) {
      rowsPerCfg = Math.max(rowsPerCfg, 1 + (usesForces(c) ? 3 * c.size() : 0)
          + (usesStress(c) ? 6 : 0));
    }
    int per = Math.max(1, (4 * (unknowns + 1) + rowsPerCfg - 1) / rowsPerCfg);
    int blocks = (cfgs.size() + per - 1) / per;
    blockStarts = new int[blocks + 1];
    for (int b = 0; b <= blocks; b++) {
      blockStarts[b] = Math.min(cfgs.size(), b * per);
    }
    long bytes = 0;
    for (FitConfiguration c : cfgs) {
      bytes += 8L * (unknowns + (derivatives(c) ? (3L * c.size() + 6) * scalars : 0));
    }
    rows = new Rows[cfgs.size()];
    if (bytes <= rowBytes) {
      for (int c = 0; c < rows.length; c++) {
        FitConfiguration cfg = cfgs.get(c);
        rows[c] = new Rows(unknowns, derivatives(cfg) ? cfg.size() : 0, scalars);
      }
    }
  }

  int radialCount() {
    return template.radialCoeffCount();
  }

  /** Recomputes the ridge weights d_k at the next evaluation. */
  void resetRidge() {
    ridgeWeights = null;
  }

  private boolean usesForces(FitConfiguration c) {
    return c.forces != null && weights.force > 0;
  }

  private boolean usesStress(FitConfiguration c) {
    return c.plusStress != null && weights.stress > 0;
  }

  /**
   * The evaluation at {@code radial}: one of the recent evaluations when it was at the same
   * point (an optimiser's accepted step), else a new one.
   */
  Evaluation evaluationAt(double[] radial) {
    java.util.Iterator<Evaluation> e = recent.iterator();
    for (double[] x : recentX) {
      Evaluation ev = e.next();
      if (java.util.Arrays.equals(x, radial)) {
        return ev;
      }
    }
    return evaluate(radial);
  }

  /** The objective, its gradient and the optimal linear coefficients. */
  Evaluation evaluate(double[] radial) {
    long t0 = System.nanoTime();
    Evaluation e = compute(radial);
    epochNanos += System.nanoTime() - t0;
    epochs++;
    recentX.addFirst(radial.clone());
    recent.addFirst(e);
    if (recent.size() > 32) {
      recentX.removeLast();
      recent.removeLast();
    }
    return e;
  }

  private Evaluation compute(double[] raw) {
    double[] norms = radialNorms(raw);
    double[] radial = normalised(raw, norms);
    MtpKernel rowsKernel = new MtpKernel(template, radial, null, null);
    List<LeastSquares> parts = run(b -> linearProblem(rowsKernel, b));
    LeastSquares all = new LeastSquares(unknowns);
    for (LeastSquares p : parts) {
      all.merge(p);
    }
    if (ridgeWeights == null) {
      ridgeWeights = all.columnNormsSquared();
      for (int c = 0; c < unknowns; c++) {
        ridgeWeights[c] *= ridge;
      }
    }
    double[] theta = all.solve(ridgeWeights);
    double[] speciesC = Arrays.copyOf(theta, species);
    double[] momentC = Arrays.copyOfRange(theta, species, unknowns);
    MtpKernel full = new MtpKernel(template, radial, speciesC, momentC);
    List<double[]> grads = run(b -> residualGradient(full, theta, b));
    double[] gradient = new double[radial.length];
    double[] loss = new double[3];
    for (double[] g : grads) {
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] += g[i];
      }
      for (int p = 0; p < 3; p++) {
        loss[p] += g[gradient.length + p];
      }
    }
    double value = loss[0] + loss[1] + loss[2];
    for (int c = 0; c < unknowns; c++) {
      value += ridgeWeights[c] * theta[c] * theta[c];
    }
    // the model uses c_μ/|c_μ|: chain rule through the normalisation, g ← (g − ĉ(ĉ·g))/|c|
    int k = template.radialFuncsCount();
    int rb = template.radialBasisSize();
    int pairs = species * species;
    for (int mu = 0; mu < k; mu++) {
      double along = 0;
      for (int p = 0; p < pairs; p++) {
        for (int x = 0; x < rb; x++) {
          int i = (p * k + mu) * rb + x;
          along += radial[i] * gradient[i];
        }
      }
      for (int p = 0; p < pairs; p++) {
        for (int x = 0; x < rb; x++) {
          int i = (p * k + mu) * rb + x;
          gradient[i] = (gradient[i] - radial[i] * along) / norms[mu];
        }
      }
    }
    value += radialPenalty(raw, gradient);
    return new Evaluation(value, gradient, radial, theta, loss[0], loss[1], loss[2]);
  }

  /** |c_μ| of each radial function over all species pairs and basis functions. */
  private double[] radialNorms(double[] c) {
    int k = template.radialFuncsCount();
    int rb = template.radialBasisSize();
    double[] n = new double[k];
    for (int p = 0; p < species * species; p++) {
      for (int mu = 0; mu < k; mu++) {
        for (int x = 0; x < rb; x++) {
          double v = c[(p * k + mu) * rb + x];
          n[mu] += v * v;
        }
      }
    }
    for (int mu = 0; mu < k; mu++) {
      n[mu] = Math.sqrt(n[mu]);
    }
    return n;
  }

  /** The coefficients with radial function μ divided by norms[μ]. */
  private double[] normalised(double[] c, double[] norms) {
    int k = template.radialFuncsCount();
    int rb = template.radialBasisSize();
    double[] out = c.clone();
    for (int p = 0; p < species * species; p++) {
      for (int mu = 0; mu < k; mu++) {
        for (int x = 0; x < rb; x++) {
          out[(p * k + mu) * rb + x] /= norms[mu];
        }
      }
    }
    return out;
  }

  /**
   * The Gauss–Newton curvature of the objective at {@code raw} with the linear coefficients
   * eliminated (Kaufman's variable-projection approximation: the Schur complement of the
   * joint Gauss–Newton matrix), in the raw radial coordinates. Energy and stress rows are
   * exact; the force rows, whose Jacobian would cost a pass per force component, enter as
   * random sketches ω·[rows | Jacobian] with ω = ±1 per component (unbiased: E[ωωᵀ] = I),
   * enough of them per configuration to outnumber the unknowns; {@code seed} fixes ω.
   */
  double[][] curvature(double[] raw, long seed) {
    Evaluation e = evaluationAt(raw);
    long t0 = System.nanoTime();
    double[] theta = e.linear();
    MtpKernel full = new MtpKernel(template, e.radial(), Arrays.copyOf(theta, species),
        Arrays.copyOfRange(theta, species, unknowns));
    int nr = raw.length;
    LeastSquares all = new LeastSquares(unknowns + nr);
    int sketches = Math.max(1, (2 * (unknowns + nr) + cfgs.size() - 1) / cfgs.size());
    for (LeastSquares part : run(b -> curvatureRows(full, b, seed, sketches))) {
      all.merge(part);
    }
    double[][] g = all.trailingGram(unknowns);
    // chain rule through the normalisation: N = (I − ĉĉᵀ)/|c| per radial function
    double[] norms = radialNorms(raw);
    double[][] n = new double[nr][nr];
    int k = template.radialFuncsCount();
    int rb = template.radialBasisSize();
    for (int i = 0; i < nr; i++) {
      for (int j = 0; j < nr; j++) {
        int mi = (i / rb) % k;
        int mj = (j / rb) % k;
        if (mi == mj) {
          n[i][j] = ((i == j ? 1 : 0) - e.radial()[i] * e.radial()[j]) / norms[mi];
        }
      }
    }
    double[][] curvature = multiply(n, multiply(g, n));
    curvatureNanos += System.nanoTime() - t0;
    curvatures++;
    return curvature;
  }

  /** Objective evaluations so far (epochs: one loss and gradient pass over the data each). */
  int epochs() {
    return epochs;
  }

  /** Wall time of those evaluations (s). */
  double epochSeconds() {
    return epochNanos / 1e9;
  }

  /** Curvature (preconditioner) computations so far. */
  int curvatures() {
    return curvatures;
  }

  /** Wall time of those computations (s). */
  double curvatureSeconds() {
    return curvatureNanos / 1e9;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < n; l++) {
        double x = a[i][l];
        if (x != 0) {
          for (int j = 0; j < n; j++) {
            c[i][j] += x * b[l][j];
          }
        }
      }
    }
    return c;
  }

  /**
   * One block's rows [linear row | ∂(output)/∂(radial)] of energies, stresses and force
   * sketches.
   */
  private LeastSquares curvatureRows(MtpKernel kernel, int block, long seed, int sketches) {
    int nr = template.radialCoeffCount();
    LeastSquares ls = new LeastSquares(unknowns + nr);
    RadialAdjoint adjoint = new RadialAdjoint(kernel);
    DesignRows design = null;
    double kk = cfgs.size();
    double[] row = new double[unknowns + nr];
    for (int c = blockStarts[block]; c < blockStarts[block + 1]; c++) {
      FitConfiguration cfg = cfgs.get(c);
      int n = cfg.size();
      Rows r = rows[c];
      if (r == null) {
        design = design == null ? new DesignRows(kernel) : design;
        r = new Rows(unknowns, derivatives(cfg) ? n : 0, scalars);
        design.compute(cfg, r.energy, derivatives(cfg) ? r.forces : null, r.virial);
      }
      Arrays.fill(row, 0);
      System.arraycopy(r.energy, 0, row, 0, unknowns);
      adjoint.add(cfg, 1, null, null, row, unknowns);
      ls.add(row, 0, 1, row.length, 0, 0, weights.energy / (n * kk));
      if (usesStress(cfg)) {
        for (int v = 0; v < 6; v++) {
          Arrays.fill(row, 0);
          for (int sc = 0; sc < scalars; sc++) {
            row[species + sc] = r.virial[sc * 6 + v];
          }
          double[][] mu = new double[3][3];
          mu[VOIGT[v][0]][VOIGT[v][1]] += v < 3 ? 1 : 0.5;
          mu[VOIGT[v][1]][VOIGT[v][0]] += v < 3 ? 0 : 0.5;
          adjoint.add(cfg, 0, null, mu, row, unknowns);
          ls.add(row, 0, 1, row.length, 0, 0, (v < 3 ? 1 : 2) * weights.stress / (n * kk));
        }
      }
      if (usesForces(cfg)) {
        SplittableRandom rnd = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (c + 1)));
        double[] omega = new double[3 * n];
        for (int t = 0; t < sketches; t++) {
          for (int q = 0; q < omega.length; q++) {
            omega[q] = rnd.nextBoolean() ? 1 : -1;
          }
          Arrays.fill(row, 0);
          for (int sc = 0; sc < scalars; sc++) {
            double sum = 0;
            for (int q = 0; q < omega.length; q++) {
              sum += omega[q] * r.forces[sc * omega.length + q];
            }
            row[species + sc] = sum;
          }
          adjoint.add(cfg, 0, omega, null, row, unknowns);
          ls.add(row, 0, 1, row.length, 0, 0, weights.force / (kk * sketches));
        }
      }
    }
    return ls;
  }

  /** The weighted rows of one block (kept in {@link #rows} when there is room). */
  private LeastSquares linearProblem(MtpKernel kernel, int block) {
    DesignRows design = new DesignRows(kernel);
    LeastSquares ls = new LeastSquares(unknowns);
    double kk = cfgs.size();
    Rows scratch = null;
    for (int c = blockStarts[block]; c < blockStarts[block + 1]; c++) {
      FitConfiguration cfg = cfgs.get(c);
      int n = cfg.size();
      Rows r = rows[c];
      if (r == null) {
        if (scratch == null) {
          scratch = new Rows(unknowns, maxAtoms(), scalars);
        }
        r = scratch;
      }
      design.compute(cfg, r.energy, derivatives(cfg) ? r.forces : null, r.virial);
      ls.add(r.energy, 0, 1, unknowns, 0, cfg.energy, weights.energy / (n * kk));
      if (usesForces(cfg)) {
        for (int q = 0; q < 3 * n; q++) {
          ls.add(r.forces, q, 3 * n, scalars, species, cfg.forces[q], weights.force / kk);
        }
      }
      if (usesStress(cfg)) {
        for (int v = 0; v < 6; v++) {
          ls.add(r.virial, v, 6, scalars, species, cfg.plusStress[v],
              (v < 3 ? 1 : 2) * weights.stress / (n * kk));
        }
      }
    }
    return ls;
  }

  private boolean derivatives(FitConfiguration c) {
    return usesForces(c) || usesStress(c);
  }

  private int maxAtoms() {
    int n = 0;
    for (FitConfiguration c : cfgs) {
      n = Math.max(n, c.size());
    }
    return n;
  }

  /**
   * The gradient of one block's loss (radial coefficients), followed by its energy, force and
   * stress parts.
   */
  private double[] residualGradient(MtpKernel kernel, double[] theta, int block) {
    int nr = template.radialCoeffCount();
    double[] out = new double[nr + 3];
    RadialAdjoint adjoint = new RadialAdjoint(kernel);
    double kk = cfgs.size();
    for (int c = blockStarts[block]; c < blockStarts[block + 1]; c++) {
      FitConfiguration cfg = cfgs.get(c);
      int n = cfg.size();
      Outputs o = outputs(kernel, theta, cfg, rows[c]);
      double de = o.energy - cfg.energy;
      out[nr] += weights.energy * de * de / (n * kk);
      double a = 2 * weights.energy * de / (n * kk);
      double[] lambda = null;
      if (usesForces(cfg)) {
        lambda = new double[3 * n];
        for (int q = 0; q < 3 * n; q++) {
          double d = o.forces[q] - cfg.forces[q];
          out[nr + 1] += weights.force * d * d / kk;
          lambda[q] = 2 * weights.force * d / kk;
        }
      }
      double[][] mu = null;
      if (usesStress(cfg)) {
        mu = new double[3][3];
        double w = weights.stress / (n * kk);
        for (int v = 0; v < 6; v++) {
          double d = o.virial[v] - cfg.plusStress[v];
          out[nr + 2] += (v < 3 ? 1 : 2) * w * d * d;
          mu[VOIGT[v][0]][VOIGT[v][1]] = 2 * w * d;
          mu[VOIGT[v][1]][VOIGT[v][0]] = 2 * w * d;
        }
      }
      adjoint.add(cfg, a, lambda, mu, out, 0);
    }
    return out;
  }

  private static final int[][] VOIGT = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};

  /** A configuration's energy, forces (flat) and PlusStress. */
  private record Outputs(double energy, double[] forces, double[] virial) {}

  /**
   * The outputs for the linear coefficients θ: from the stored rows when there are (a dot
   * product each), else by the calculator; forces and stresses only when the loss uses them.
   */
  private Outputs outputs(MtpKernel kernel, double[] theta, FitConfiguration cfg, Rows r) {
    int n3 = 3 * cfg.size();
    if (r == null && derivatives(cfg)) {
      MtpCalculator.Result res = MtpCalculator.compute(kernel, cfg.neighbourhoods, cfg.types);
      double[] f = new double[n3];
      for (int i = 0; i < cfg.size(); i++) {
        System.arraycopy(res.forces()[i], 0, f, 3 * i, 3);
      }
      return new Outputs(res.energy(), f, res.plusStress());
    }
    if (r == null) {
      return new Outputs(MtpCalculator.compute(kernel, cfg.neighbourhoods, cfg.types).energy(),
          null, null);
    }
    double e = 0;
    for (int t = 0; t < unknowns; t++) {
      e += theta[t] * r.energy[t];
    }
    if (!derivatives(cfg)) {
      return new Outputs(e, null, null);
    }
    double[] f = new double[n3];
    double[] v = new double[6];
    for (int sc = 0; sc < scalars; sc++) {
      double t = theta[species + sc];
      for (int q = 0; q < n3; q++) {
        f[q] += t * r.forces[sc * n3 + q];
      }
      for (int x = 0; x < 6; x++) {
        v[x] += t * r.virial[sc * 6 + x];
      }
    }
    return new Outputs(e, f, v);
  }

  /** The linear rows of a configuration (energy; forces and PlusStress by coefficient). */
  private static final class Rows {
    final double[] energy;
    final double[] forces;
    final double[] virial;

    Rows(int unknowns, int atoms, int scalars) {
      energy = new double[unknowns];
      forces = atoms > 0 ? new double[3 * atoms * scalars] : null;
      virial = atoms > 0 ? new double[6 * scalars] : null;
    }
  }

  /** MLIP's penalty on the radial functions (value), its gradient added into grad. */
  private double radialPenalty(double[] c, double[] grad) {
    int k = template.radialFuncsCount();
    int rb = template.radialBasisSize();
    int pairs = species * species;
    double value = 0;
    double[][] dots = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        double d = 0;
        for (int p = 0; p < pairs; p++) {
          for (int x = 0; x < rb; x++) {
            d += c[(p * k + a) * rb + x] * c[(p * k + b) * rb + x];
          }
        }
        dots[a][b] = d;
        dots[b][a] = d;
      }
    }
    for (int a = 0; a < k; a++) {
      value += penalty * (dots[a][a] - 1) * (dots[a][a] - 1);
      for (int b = a + 1; b < k; b++) {
        value += penalty * dots[a][b] * dots[a][b];
      }
    }
    for (int p = 0; p < pairs; p++) {
      for (int a = 0; a < k; a++) {
        for (int x = 0; x < rb; x++) {
          double g = 4 * penalty * (dots[a][a] - 1) * c[(p * k + a) * rb + x];
          for (int b = 0; b < k; b++) {
            if (b != a) {
              g += 2 * penalty * dots[a][b] * c[(p * k + b) * rb + x];
            }
          }
          grad[(p * k + a) * rb + x] += g;
        }
      }
    }
    return value;
  }

  private interface BlockTask<T> {
    T run(int block);
  }

  /** Runs every block (on the pool when there is one) and returns results in block order. */
  private <T> List<T> run(BlockTask<T> task) {
    int blocks = blockStarts.length - 1;
    List<T> out = new ArrayList<>(blocks);
    if (pool == null) {
      for (int b = 0; b < blocks; b++) {
        out.add(task.run(b));
      }
      return out;
    }
    List<Callable<T>> calls = new ArrayList<>(blocks);
    for (int b = 0; b < blocks; b++) {
      int block = b;
      calls.add(() -> task.run(block));
    }
    try {
      for (Future<T> f : pool.invokeAll(calls)) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
    return out;
  }
}
