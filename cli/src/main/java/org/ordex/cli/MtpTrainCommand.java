package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipCfg;
import org.ordex.lattice.MlipTypes;
import org.ordex.potentials.mtp.MtpErrors;
import org.ordex.potentials.mtp.MtpLevels;
import org.ordex.potentials.mtp.MtpPotential;
import org.ordex.potentials.ce.CrossValidation;
import org.ordex.potentials.mtp.MtpTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ordex mtp train}: fits a Moment Tensor Potential like MLIP's {@code mlp train}. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Trains a Moment Tensor Potential of a level on energies (and forces and "
        + "stresses where the data has them) with MLIP's loss; writes an MLIP .mtp file and "
        + "reports the errors on the training and held-out sets.")
final class MtpTrainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRAIN",
      description = "training configurations with energies: MLIP .cfg or extended XYZ")
  Path training;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "POT.mtp",
      description = "the trained potential (MLIP .mtp)")
  Path output;

  @Option(names = "--species", required = true, paramLabel = "LIST",
      description = "the potential's species in type order, e.g. Co,Mn,O (type 0 = Co)")
  String species;

  @Option(names = "--level", paramLabel = "N",
      description = "MTP level: even, 2 to 28 (MLIP's 02.mtp … 28.mtp); default 16")
  Integer level;

  @Option(names = "--min-dist", paramLabel = "Å",
      description = "lower end of the radial basis; default: the shortest distance in the "
          + "training data")
  Double minDist;

  @Option(names = "--max-dist", paramLabel = "Å", description = "cutoff; default 5.0")
  Double maxDist;

  @Option(names = "--radial-basis-size", paramLabel = "R",
      description = "Chebyshev functions per radial function; default 8")
  Integer radialBasisSize;

  @Option(names = "--init", paramLabel = "POT.mtp",
      description = "start from this trained potential's radial coefficients and basis (a "
          + "checkpoint) instead of random starts")
  Path init;

  @Option(names = "--valid", paramLabel = "FILE",
      description = "held-out configurations to report errors on (repeatable)")
  List<Path> valid = new ArrayList<>();

  @Option(names = "--cv", paramLabel = "SPEC",
      description = "also cross-validate: kfold:K, loo or shuffle:SPLITS:TEST_FRACTION; "
          + "each split trains a potential with the same settings on the other "
          + "configurations, and the errors on the held-out ones are pooled")
  String cv;

  @Option(names = "--energy-weight", paramLabel = "W", defaultValue = "1",
      description = "weight of energies (default ${DEFAULT-VALUE}; MLIP's)")
  double energyWeight;

  @Option(names = "--force-weight", paramLabel = "W", defaultValue = "0.01",
      description = "weight of forces (default ${DEFAULT-VALUE}; MLIP's)")
  double forceWeight;

  @Option(names = "--stress-weight", paramLabel = "W", defaultValue = "0.001",
      description = "weight of stresses (default ${DEFAULT-VALUE}; MLIP's)")
  double stressWeight;

  @Option(names = "--seed", defaultValue = "1", description = "random seed (default 1)")
  long seed;

  @Option(names = "--threads", defaultValue = "1",
      description = "worker threads (default 1; results do not depend on it)")
  int threads;

  @Option(names = "--starts", defaultValue = "3",
      description = "random starts, the best continues (default ${DEFAULT-VALUE})")
  int starts;

  @Option(names = "--start-iterations", defaultValue = "25",
      description = "iterations of each start before choosing (default ${DEFAULT-VALUE})")
  int startIterations;

  @Option(names = "--max-iter", defaultValue = "1000",
      description = "L-BFGS iterations at most (default ${DEFAULT-VALUE}, MLIP's)")
  int maxIterations;

  @Option(names = "--tolerance", defaultValue = "1e-3",
      description = "stop when the loss fell by less than this fraction over 50 iterations "
          + "(default ${DEFAULT-VALUE}, MLIP's --bfgs-conv-tol)")
  double tolerance;

  @Option(names = "--checkpoint", paramLabel = "FILE.mtp",
      description = "write the current potential here every 10 iterations (resume with "
          + "--init)")
  Path checkpoint;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    AtomicFiles.requireWritable(output);
    if (checkpoint != null) {
      AtomicFiles.requireWritable(checkpoint);
    }
    MlipTypes types = MlipTypes.parse(species);
    List<MlipCfg> data = MtpInputs.read(training, types);
    if (data.isEmpty()) {
      throw new InvalidInputException(training + ": no configurations");
    }
    MtpPotential template = template(types, data);
    List<List<MlipCfg>> held = new ArrayList<>();
    for (Path v : valid) {
      held.add(MtpInputs.read(v, types));
    }
    CrossValidation folds = cv == null ? null : CrossValidation.parse(cv);
    List<int[][]> splits = folds == null ? List.of() : folds.splits(data.size(), seed);
    PrintWriter err = spec.commandLine().getErr();
    MtpTrainer.Options options = MtpTrainer.Options.defaults()
        .withWeights(energyWeight, forceWeight, stressWeight)
        .withRun(seed, threads)
        .withIterations(starts, startIterations, maxIterations, tolerance)
        .withInitial(init == null ? null : template.radialCoeffs());
    double shortest = MtpTrainer.shortestDistance(data, template.maxDist());
    if (shortest < template.minDist()) {
      err.printf("ordex: warning: %s has atoms %.4f Å apart, closer than min_dist %.4g Å%n",
          training, shortest, template.minDist());
    }
    MtpTrainer.Result result = MtpTrainer.train(template, data, training.toString(), options,
        new TrainingLog(err, checkpoint));
    result.potential().write(output);
    MtpErrors trainErrors = MtpErrors.of(result.potential(), data, training.toString());
    List<MtpErrors> validErrors = new ArrayList<>();
    for (int v = 0; v < held.size(); v++) {
      validErrors.add(MtpErrors.of(result.potential(), held.get(v), valid.get(v).toString()));
    }
    MtpErrors cvErrors = splits.isEmpty() ? null
        : crossValidate(template, data, splits, options, err);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = json(types, data, result, trainErrors, validErrors);
      if (cvErrors != null) {
        ObjectNode c = errors("cross-validation " + folds.describe(), data.size(), -1,
            cvErrors);
        c.put("method", folds.describe());
        c.put("splits", splits.size());
        ((ObjectNode) root.get("errors")).set("crossValidation", c);
      }
      out.println(Json.write(root));
    } else {
      text(out, types, data, result, trainErrors, validErrors);
      if (cvErrors != null) {
        row(out, "cross-validation " + folds.describe(), cvErrors);
      }
    }
    return 0;
  }

  /**
   * Trains one potential per split on its training part (same template and options) and
   * pools the errors on the held-out parts.
   */
  private static MtpErrors crossValidate(MtpPotential template, List<MlipCfg> data,
      List<int[][]> splits, MtpTrainer.Options options, PrintWriter err) {
    List<MtpErrors> parts = new ArrayList<>();
    for (int k = 0; k < splits.size(); k++) {
      List<MlipCfg> fit = subset(data, splits.get(k)[0]);
      List<MlipCfg> test = subset(data, splits.get(k)[1]);
      String name = "cross-validation split " + (k + 1);
      MtpTrainer.Result r = MtpTrainer.train(template, fit, name, options,
          (start, iteration, loss, evaluations) -> { });
      parts.add(MtpErrors.of(r.potential(), test, name));
      err.printf(Locale.ROOT, "ordex: cross-validation split %d of %d trained%n", k + 1,
          splits.size());
      err.flush();
    }
    return MtpErrors.pool(parts);
  }

  private static List<MlipCfg> subset(List<MlipCfg> data, int[] indices) {
    List<MlipCfg> out = new ArrayList<>(indices.length);
    for (int i : indices) {
      out.add(data.get(i));
    }
    return out;
  }

  /** The template: a level's basis, or the starting potential's. */
  private MtpPotential template(MlipTypes types, List<MlipCfg> data) {
    if (init != null) {
      if (level != null || minDist != null || maxDist != null || radialBasisSize != null) {
        throw new InvalidInputException("--init " + init + " fixes the level, distances and "
            + "radial basis; leave out --level, --min-dist, --max-dist and "
            + "--radial-basis-size");
      }
      MtpPotential start = MtpPotential.read(init);
      if (start.speciesCount() != types.count()) {
        throw new InvalidInputException("--init " + init + " has " + start.speciesCount()
            + " species but --species lists " + types.count());
      }
      if (!start.isTrained()) {
        throw new InvalidInputException("--init " + init + " is an untrained template; give "
            + "a trained potential or a checkpoint");
      }
      return start;
    }
    int lev = level == null ? 16 : level;
    double max = maxDist == null ? 5.0 : maxDist;
    double min;
    if (minDist != null) {
      min = minDist;
    } else {
      double shortest = MtpTrainer.shortestDistance(data, max);
      if (!Double.isFinite(shortest)) {
        throw new InvalidInputException(training + ": no two atoms closer than --max-dist "
            + max + " Å; give --min-dist");
      }
      min = Math.floor(shortest * 100) / 100;
    }
    return MtpLevels.template(lev, types.count(), min, max,
        radialBasisSize == null ? 8 : radialBasisSize);
  }

  /** Progress lines on stderr (the first iteration and every tenth) and checkpoints. */
  private static final class TrainingLog implements MtpTrainer.Listener {
    private final PrintWriter err;
    private final Path checkpoint;
    private final long t0 = System.nanoTime();

    TrainingLog(PrintWriter err, Path checkpoint) {
      this.err = err;
      this.checkpoint = checkpoint;
    }

    @Override
    public void iteration(int start, int iteration, double loss, int evaluations) {
      if (iteration == 1 || iteration % 10 == 0) {
        double s = (System.nanoTime() - t0) / 1e9;
        err.printf(Locale.ROOT, "ordex: start %d iteration %d: loss %.6e (%d evaluations, "
            + "%.1f s)%n", start + 1, iteration, loss, evaluations, s);
        err.flush();
      }
    }

    @Override
    public void checkpoint(MtpPotential current) {
      if (checkpoint != null) {
        current.write(checkpoint);
      }
    }
  }

  private static int atoms(List<MlipCfg> data) {
    int n = 0;
    for (MlipCfg c : data) {
      n += c.size();
    }
    return n;
  }

  private void text(PrintWriter out, MlipTypes types, List<MlipCfg> data,
      MtpTrainer.Result r, MtpErrors train, List<MtpErrors> held) {
    MtpPotential p = r.potential();
    out.printf(Locale.ROOT, "# %s; species %s%n", p.describe(), String.join(",",
        types.elements()));
    out.printf(Locale.ROOT, "# trained on %s: %d configurations, %d atoms; weights energy %g, "
        + "forces %g, stresses %g (MLIP's loss, energies per configuration / atoms)%n",
        training, data.size(), atoms(data), energyWeight, forceWeight, stressWeight);
    out.printf(Locale.ROOT, "# loss %.6e (energies %.4e, forces %.4e, stresses %.4e); start %d "
        + "of %d kept; %d iterations; %.1f s: %d epochs (loss and gradient passes) of %.3f s, "
        + "%d curvatures in %.1f s; %s%n",
        r.loss(), r.energyLoss(), r.forceLoss(), r.stressLoss(), r.chosenStart() + 1,
        r.startLosses().length, r.iterations(), r.seconds(), r.evaluations(),
        r.secondsPerEpoch(), r.curvatures(), r.curvatureSeconds(), r.stop());
    out.printf("# written to %s%n", output);
    out.printf("# %-28s %5s %12s %12s %10s %10s %10s %10s%n", "set", "cfgs",
        "E RMSE meV/at", "E MAE meV/at", "F RMSE eV/Å", "F MAE eV/Å", "S RMSE eV", "S RMSE GPa");
    row(out, training.toString(), train);
    for (int v = 0; v < held.size(); v++) {
      row(out, valid.get(v).toString(), held.get(v));
    }
  }

  private static void row(PrintWriter out, String name, MtpErrors e) {
    out.printf(Locale.ROOT, "  %-28s %5d %12s %12s %10s %10s %10s %10s%n", name,
        e.configurations(), num(1000 * e.energyPerAtom().rmse()),
        num(1000 * e.energyPerAtom().mae()), num(e.forces().rmse()), num(e.forces().mae()),
        num(e.stresses().rmse()), num(e.stressesGpa().rmse()));
  }

  /** Four significant digits (tiny errors, as of a recovered potential, do not print as 0). */
  private static String num(double x) {
    return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.4g", x);
  }

  private ObjectNode json(MlipTypes types, List<MlipCfg> data, MtpTrainer.Result r,
      MtpErrors train, List<MtpErrors> held) {
    ObjectNode root = Json.object();
    MtpPotential p = r.potential();
    root.put("potential", p.describe());
    root.put("output", output.toString());
    root.put("level", p.level());
    ArrayNode sp = root.putArray("species");
    types.elements().forEach(sp::add);
    root.put("minDist", p.minDist());
    root.put("maxDist", p.maxDist());
    root.put("units", "energy errors meV/atom (per configuration), forces eV/Å (per "
        + "component), stresses eV (PlusStress, per component of the 3x3 matrix) and GPa");
    ObjectNode w = root.putObject("weights");
    w.put("energy", energyWeight);
    w.put("forces", forceWeight);
    w.put("stresses", stressWeight);
    ObjectNode fit = root.putObject("optimisation");
    fit.put("loss", r.loss());
    fit.put("energyLoss", r.energyLoss());
    fit.put("forceLoss", r.forceLoss());
    fit.put("stressLoss", r.stressLoss());
    ArrayNode starts = fit.putArray("startLosses");
    for (double s : r.startLosses()) {
      starts.add(s);
    }
    fit.put("chosenStart", r.chosenStart() + 1);
    fit.put("iterations", r.iterations());
    fit.put("evaluations", r.evaluations());
    fit.put("seconds", r.seconds());
    fit.put("secondsPerEpoch", r.secondsPerEpoch());
    fit.put("curvatures", r.curvatures());
    fit.put("curvatureSeconds", r.curvatureSeconds());
    fit.put("stop", r.stop());
    fit.put("seed", seed);
    fit.put("threads", threads);
    ObjectNode errors = root.putObject("errors");
    errors.set("training", errors(training.toString(), data.size(), atoms(data), train));
    ArrayNode vs = errors.putArray("validation");
    for (int v = 0; v < held.size(); v++) {
      vs.add(errors(valid.get(v).toString(), held.get(v).configurations(), -1, held.get(v)));
    }
    return root;
  }

  private static ObjectNode errors(String file, int cfgs, int atoms, MtpErrors e) {
    ObjectNode o = Json.object();
    o.put("file", file);
    o.put("configurations", cfgs);
    if (atoms >= 0) {
      o.put("atoms", atoms);
    }
    o.set("energyPerAtom", stat(e.energyPerAtom(), 1000));
    o.set("forces", stat(e.forces(), 1));
    o.set("stresses", stat(e.stresses(), 1));
    o.set("stressesGpa", stat(e.stressesGpa(), 1));
    return o;
  }

  private static ObjectNode stat(MtpErrors.Statistic s, double unit) {
    ObjectNode o = Json.object();
    o.put("count", s.count());
    if (s.count() > 0) {
      o.put("mae", unit * s.mae());
      o.put("rmse", unit * s.rmse());
      o.put("max", unit * s.max());
    }
    return o;
  }
}
