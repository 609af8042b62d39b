package org.ordex.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ordex.lattice.MlipCfg;
import org.ordex.lattice.MlipTypes;
import org.ordex.potentials.mtp.ExtrapolationGrade;
import org.ordex.potentials.mtp.MtpPotential;

/**
 * The shared work of {@code mtp grade} and {@code mtp select}: the active set from a training
 * set, and the extrapolation grade γ of every candidate.
 */
record MtpGrading(MtpPotential potential, MlipTypes types, List<MlipCfg> candidates,
    double[] grades, ExtrapolationGrade grader, int trainingSize) {

  static MtpGrading run(Path potentialFile, Path training, Path candidatesFile,
      String species) {
    MtpPotential potential = MtpPotential.read(potentialFile);
    MlipTypes types = MtpInputs.species(species, potential, potentialFile.toString());
    List<MlipCfg> train = MtpInputs.read(training, types);
    List<MlipCfg> cands = MtpInputs.read(candidatesFile, types);
    ExtrapolationGrade grader = ExtrapolationGrade.fromTrainingSet(potential, train);
    double[] g = new double[cands.size()];
    for (int c = 0; c < g.length; c++) {
      g[c] = grader.grade(cands.get(c));
    }
    return new MtpGrading(potential, types, cands, g, grader, train.size());
  }

  /** A candidate with its grade as MLIP's {@code MV_grade} feature. */
  MlipCfg withGrade(int c) {
    double g = grades[c];
    return candidates.get(c).withFeature("MV_grade", g > 1e10 ? "9.9e99"
        : String.format(Locale.ROOT, "%f", g));
  }

  /** The active-set summary line. */
  String describeActiveSet() {
    int unfilled = (int) java.util.Arrays.stream(grader.activeSet()).filter(o -> o < 0).count();
    return String.format(Locale.ROOT, "active set: %d of %d training configurations fill %d of "
        + "%d rows (%d maxvol swaps)%s", grader.activeConfigurations(), trainingSize,
        grader.dimension() - unfilled, grader.dimension(), grader.swaps(),
        unfilled > 0 ? "; the training set does not span every coefficient, so candidates that "
            + "need the rest get very large grades" : "");
  }
}
