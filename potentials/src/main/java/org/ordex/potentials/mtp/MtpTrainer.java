package org.ordex.potentials.mtp;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipCfg;

/**
 * Trains the coefficients of an MTP template on reference energies, forces and stresses with
 * MLIP's loss (see {@link FitObjective}): the species and moment coefficients are solved
 * exactly by least squares for every trial of the radial coefficients, which L-BFGS
 * optimises with analytic gradients, preconditioned by the Gauss–Newton curvature of the
 * loss (the MTP basis makes the problem badly conditioned: plain L-BFGS crawls). Several
 * random starts (orthonormal radial functions
 * from the seed) run for a few iterations each and the best continues until the loss stops
 * improving. Configurations are processed in parallel; the result depends on the seed only,
 * not on the number of threads.
 */
public final class MtpTrainer {
  /**
   * Training options.
   *
   * @param energyWeight w_E (MLIP's default 1)
   * @param forceWeight w_F (MLIP's default 0.01)
   * @param stressWeight w_S (MLIP's default 0.001)
   * @param seed random starts
   * @param threads worker threads (1: the calling thread only)
   * @param starts number of random starts
   * @param startIterations iterations of each start before the best is chosen
   * @param maxIterations iterations in total of the chosen start
   * @param tolerance stop when the loss fell by less than this fraction over the last
   *     {@link #WINDOW} iterations
   * @param initial radial coefficients to start from (a single start), or null
   */
  public record Options(double energyWeight, double forceWeight, double stressWeight,
      long seed, int threads, int starts, int startIterations, int maxIterations,
      double tolerance, double[] initial) {
    /** MLIP's weights and stopping rule, 3 starts of 25 iterations, 1 thread. */
    public static Options defaults() {
      return new Options(1, 0.01, 0.001, 1, 1, 3, 25, 1000, 1e-3, null);
    }

    /** The same options with other weights. */
    public Options withWeights(double energy, double force, double stress) {
      return new Options(energy, force, stress, seed, threads, starts, startIterations,
          maxIterations, tolerance, initial);
    }

    /** The same options with another seed and thread count. */
    public Options withRun(long newSeed, int newThreads) {
      return new Options(energyWeight, forceWeight, stressWeight, newSeed, newThreads, starts,
          startIterations, maxIterations, tolerance, initial);
    }

    /** The same options with other iteration limits and tolerance. */
    public Options withIterations(int newStarts, int newStartIterations, int newMax,
        double newTolerance) {
      return new Options(energyWeight, forceWeight, stressWeight, seed, threads, newStarts,
          newStartIterations, newMax, newTolerance, initial);
    }

    /** The same options starting from given radial coefficients. */
    public Options withInitial(double[] radial) {
      return new Options(energyWeight, forceWeight, stressWeight, seed, threads, starts,
          startIterations, maxIterations, tolerance, radial == null ? null : radial.clone());
    }
  }

  /** Iterations over which the relative decrease of the loss is measured (as MLIP). */
  public static final int WINDOW = 50;
  /** MLIP's ridge factor on the linear coefficients (relative to their column norms). */
  static final double RIDGE = 1e-13;
  /** MLIP's weight of the radial-function penalty. */
  static final double PENALTY = 1e-9;

  /**
   * The outcome of a training.
   *
   * @param potential the trained potential
   * @param loss the final objective (loss + regularisation)
   * @param energyLoss the energy part of the loss
   * @param forceLoss the force part
   * @param stressLoss the stress part
   * @param startLosses the objective of each start after its first iterations
   * @param chosenStart the start that was continued (0-based)
   * @param iterations L-BFGS iterations of the chosen start
   * @param evaluations objective evaluations of all starts (epochs: one loss and gradient
   *     pass over the data each)
   * @param seconds wall time of the optimisation (epochs, curvatures and the rest)
   * @param epochSeconds wall time of the evaluations
   * @param curvatures curvature (preconditioner) computations of all starts
   * @param curvatureSeconds wall time of those
   * @param stop why the optimisation stopped
   */
  public record Result(MtpPotential potential, double loss, double energyLoss, double forceLoss,
      double stressLoss, double[] startLosses, int chosenStart, int iterations,
      int evaluations, double seconds, double epochSeconds, int curvatures,
      double curvatureSeconds, String stop) {
    /** Mean wall time of one epoch (one loss and gradient pass over the training data). */
    public double secondsPerEpoch() {
      return evaluations == 0 ? 0 : epochSeconds / evaluations;
    }
  }

  /** Called every iteration with the start, iteration and current objective. */
  public interface Listener {
    void iteration(int start, int iteration, double loss, int evaluations);

    /** Called with the current best potential every few iterations (for checkpoints). */
    default void checkpoint(MtpPotential current) {}
  }

  private MtpTrainer() {}

  /**
   * Trains {@code template} (untrained or trained: only its basis is used) on {@code data};
   * {@code source} names the data in messages.
   */
  public static Result train(MtpPotential template, List<MlipCfg> data, String source,
      Options options, Listener listener) {
    if (data.isEmpty()) {
      throw new InvalidInputException(source + ": no configurations to train on");
    }
    if (options.energyWeight < 0 || options.forceWeight < 0 || options.stressWeight < 0
        || !(options.energyWeight + options.forceWeight + options.stressWeight > 0)) {
      throw new InvalidInputException("weights must be non-negative and not all zero");
    }
    if (options.threads < 1 || options.starts < 1 || options.maxIterations < 0
        || options.startIterations < 0) {
      throw new InvalidInputException("threads and starts must be at least 1, iterations at "
          + "least 0");
    }
    List<FitConfiguration> cfgs = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      cfgs.add(FitConfiguration.of(data.get(i), template.speciesCount(), template.maxDist(),
          source, i + 1));
    }
    if (options.initial != null && options.initial.length != template.radialCoeffCount()) {
      throw new InvalidInputException("the starting potential has "
          + options.initial.length + " radial coefficients, the template "
          + template.radialCoeffCount());
    }
    long t0 = System.nanoTime();
    ExecutorService pool = options.threads > 1 ? Executors.newFixedThreadPool(options.threads)
        : null;
    try {
      FitObjective.Weights w = new FitObjective.Weights(options.energyWeight,
          options.forceWeight, options.stressWeight);
      return run(template, cfgs, w, pool, options, listener, t0);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private static Result run(MtpPotential template, List<FitConfiguration> cfgs,
      FitObjective.Weights w, ExecutorService pool, Options o, Listener listener, long t0) {
    int starts = o.initial != null ? 1 : o.starts;
    List<FitObjective> objectives = new ArrayList<>();
    List<Lbfgs> runs = new ArrayList<>();
    SplittableRandom root = new SplittableRandom(o.seed);
    double[] startLosses = new double[starts];
    for (int s = 0; s < starts; s++) {
      SplittableRandom rnd = root.split();
      double[] c0 = o.initial != null ? o.initial.clone() : randomRadial(template, rnd);
      FitObjective obj = new FitObjective(template, cfgs, w, RIDGE, PENALTY, pool,
          Runtime.getRuntime().maxMemory() / 4);
      objectives.add(obj);
      Lbfgs run = new Lbfgs((x, g) -> {
        FitObjective.Evaluation e = obj.evaluate(x);
        System.arraycopy(e.gradient(), 0, g, 0, g.length);
        return e.value();
      }, c0, 10, 0.01);
      runs.add(run);
      int limit = starts == 1 ? 0 : Math.min(o.startIterations, o.maxIterations);
      for (int it = 0; it < limit && step(run, obj); it++) {
        listener.iteration(s, run.iterations(), run.value(), run.evaluations());
      }
      startLosses[s] = run.value();
    }
    int best = 0;
    for (int s = 1; s < starts; s++) {
      if (startLosses[s] < startLosses[best]) {
        best = s;
      }
    }
    Lbfgs run = runs.get(best);
    String stop = continueRun(run, best, o, template, objectives.get(best), listener);
    double[] x = run.x();
    FitObjective.Evaluation last = objectives.get(best).evaluationAt(x);
    MtpPotential trained = potential(template, last.radial(), last.linear());
    int evaluations = 0;
    double epochSeconds = 0;
    int curvatures = 0;
    double curvatureSeconds = 0;
    for (FitObjective obj : objectives) {
      evaluations += obj.epochs();
      epochSeconds += obj.epochSeconds();
      curvatures += obj.curvatures();
      curvatureSeconds += obj.curvatureSeconds();
    }
    return new Result(trained, last.value(), last.energy(), last.forces(), last.stresses(),
        startLosses, best, run.iterations(), evaluations, (System.nanoTime() - t0) / 1e9,
        epochSeconds, curvatures, curvatureSeconds, stop);
  }

  private static String continueRun(Lbfgs run, int start, Options o, MtpPotential template,
      FitObjective objective, Listener listener) {
    DoubleArrayList history = new DoubleArrayList();
    history.add(run.value());
    while (true) {
      if (run.iterations() >= o.maxIterations) {
        return "iteration limit " + o.maxIterations + " reached";
      }
      if (!step(run, objective)) {
        return "no further decrease (stationary to round-off)";
      }
      listener.iteration(start, run.iterations(), run.value(), run.evaluations());
      if (run.iterations() % 10 == 0) {
        double[] x = run.x();
        FitObjective.Evaluation e = objective.evaluationAt(x);
        listener.checkpoint(potential(template, e.radial(), e.linear()));
      }
      history.add(run.value());
      int n = history.size();
      if (n > WINDOW) {
        double before = history.getDouble(n - 1 - WINDOW);
        double now = run.value();
        if ((before - now) / Math.abs(now) < o.tolerance) {
          return "loss fell by less than " + o.tolerance + " (relative) over " + WINDOW
              + " iterations";
        }
      }
      if (run.value() == 0) {
        return "zero loss";
      }
    }
  }

  /**
   * One L-BFGS step, preconditioned by the Gauss–Newton curvature of the loss (see
   * {@link FitObjective#curvature}), refreshed every {@link #REFRESH} iterations.
   */
  private static boolean step(Lbfgs run, FitObjective objective) {
    if (run.iterations() % REFRESH == 0) {
      run.precondition(inverse(objective.curvature(run.x(), run.iterations())));
    }
    return run.iterate();
  }

  /** Iterations between refreshes of the preconditioner. */
  static final int REFRESH = 20;

  /**
   * (G + λI)⁻¹ by Cholesky, with λ = 10⁻⁸ of G's largest diagonal entry (G is singular along
   * directions the loss does not depend on); null when G is zero.
   */
  static Lbfgs.Preconditioner inverse(double[][] g) {
    int n = g.length;
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, g[i][i]);
    }
    if (!(max > 0)) {
      return null;
    }
    DMatrixRMaj m = new DMatrixRMaj(g);
    for (int i = 0; i < n; i++) {
      m.add(i, i, 1e-8 * max);
    }
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(n);
    if (!chol.setA(m)) {
      return null;
    }
    return v -> {
      DMatrixRMaj x = new DMatrixRMaj(n, 1);
      chol.solve(DMatrixRMaj.wrap(n, 1, v.clone()), x);
      return x.data;
    };
  }

  /** The shortest interatomic distance (Å) below {@code cutoff} in the data (+∞ if none). */
  public static double shortestDistance(List<MlipCfg> data, double cutoff) {
    double d = Double.POSITIVE_INFINITY;
    for (MlipCfg c : data) {
      d = Math.min(d, Neighbourhoods.build(c.cartesian(), c.cellRows(), cutoff).minDistance());
    }
    return d;
  }

  /** The template with radial coefficients and the linear ones (species, then moments). */
  static MtpPotential potential(MtpPotential template, double[] radial, double[] linear) {
    int c = template.speciesCount();
    return template.withCoefficients(radial, java.util.Arrays.copyOf(linear, c),
        java.util.Arrays.copyOfRange(linear, c, linear.length));
  }

  /**
   * Random radial coefficients: Gaussian entries, then each radial function μ (its
   * coefficients over all species pairs) orthonormalised against the earlier ones, so MLIP's
   * radial penalty is zero at the start.
   */
  static double[] randomRadial(MtpPotential template, SplittableRandom rnd) {
    int k = template.radialFuncsCount();
    int rb = template.radialBasisSize();
    int pairs = template.speciesCount() * template.speciesCount();
    double[][] v = new double[k][pairs * rb];
    for (int a = 0; a < k; a++) {
      for (int i = 0; i < v[a].length; i++) {
        v[a][i] = rnd.nextGaussian();
      }
      for (int b = 0; b < a; b++) {
        double d = 0;
        for (int i = 0; i < v[a].length; i++) {
          d += v[a][i] * v[b][i];
        }
        for (int i = 0; i < v[a].length; i++) {
          v[a][i] -= d * v[b][i];
        }
      }
      double norm = 0;
      for (double x : v[a]) {
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < v[a].length; i++) {
        v[a][i] /= norm;
      }
    }
    double[] c = new double[template.radialCoeffCount()];
    for (int p = 0; p < pairs; p++) {
      for (int a = 0; a < k; a++) {
        System.arraycopy(v[a], p * rb, c, (p * k + a) * rb, rb);
      }
    }
    return c;
  }
}
