package org.ordex.potentials.mtp;

import java.util.ArrayList;
import java.util.List;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipCfg;

/**
 * Errors of a potential on reference configurations: energy per atom |ΔE|/n per
 * configuration; forces per Cartesian component (3 per atom); PlusStress (virial, eV) per
 * component of the full 3×3 matrix (9 per configuration, off-diagonal entries twice), and
 * the same divided by the cell volume in GPa for cells periodic in three directions. Each as
 * mean absolute, root mean square and largest absolute error over the values present in the
 * reference. The root mean squares are the "RMS absolute difference" of MLIP's {@code mlp
 * calc-errors} (its force and stress "average absolute difference" divides the length of
 * each difference vector or matrix by 3 or 9 instead).
 *
 * @param configurations configurations compared
 * @param energyPerAtom eV/atom, per configuration
 * @param forces eV/Å, per component
 * @param stresses eV, per component
 * @param stressesGpa GPa, per component of 3D-periodic configurations
 */
public record MtpErrors(int configurations, Statistic energyPerAtom, Statistic forces,
    Statistic stresses, Statistic stressesGpa) {
  /** eV/Å³ in GPa. */
  public static final double EV_PER_A3_IN_GPA = 160.21766208;

  /** Mean absolute, root-mean-square and largest error over {@code count} values. */
  public record Statistic(int count, double mae, double rmse, double max) {
    static Statistic of(double[] errors, int count) {
      if (count == 0) {
        return new Statistic(0, Double.NaN, Double.NaN, Double.NaN);
      }
      double sum = 0;
      double sq = 0;
      double max = 0;
      for (int i = 0; i < count; i++) {
        sum += errors[i];
        sq += errors[i] * errors[i];
        max = Math.max(max, errors[i]);
      }
      return new Statistic(count, sum / count, Math.sqrt(sq / count), max);
    }

    /** The statistic over all the values behind several (counts add up). */
    static Statistic pool(List<Statistic> parts) {
      int count = 0;
      double sum = 0;
      double sq = 0;
      double max = 0;
      for (Statistic s : parts) {
        if (s.count() > 0) {
          count += s.count();
          sum += s.count() * s.mae();
          sq += s.count() * s.rmse() * s.rmse();
          max = Math.max(max, s.max());
        }
      }
      return count == 0 ? new Statistic(0, Double.NaN, Double.NaN, Double.NaN)
          : new Statistic(count, sum / count, Math.sqrt(sq / count), max);
    }
  }

  /**
   * The errors over all the configurations of several sets (e.g. the held-out folds of a
   * cross-validation), as if computed on their union.
   */
  public static MtpErrors pool(List<MtpErrors> parts) {
    int configurations = 0;
    List<Statistic> e = new ArrayList<>();
    List<Statistic> f = new ArrayList<>();
    List<Statistic> s = new ArrayList<>();
    List<Statistic> g = new ArrayList<>();
    for (MtpErrors p : parts) {
      configurations += p.configurations();
      e.add(p.energyPerAtom());
      f.add(p.forces());
      s.add(p.stresses());
      g.add(p.stressesGpa());
    }
    return new MtpErrors(configurations, Statistic.pool(e), Statistic.pool(f),
        Statistic.pool(s), Statistic.pool(g));
  }

  /** The errors of {@code potential} on the configurations that carry reference numbers. */
  public static MtpErrors of(MtpPotential potential, List<MlipCfg> reference, String source) {
    MtpCalculator calc = new MtpCalculator(potential);
    int atoms = 0;
    for (MlipCfg c : reference) {
      atoms += c.size();
    }
    double[] epa = new double[reference.size()];
    double[] frc = new double[3 * atoms];
    double[] str = new double[9 * reference.size()];
    double[] gpa = new double[9 * reference.size()];
    int ne = 0;
    int nf = 0;
    int ns = 0;
    int ng = 0;
    for (int k = 0; k < reference.size(); k++) {
      MlipCfg ref = reference.get(k);
      for (int t : ref.types()) {
        if (t >= potential.speciesCount()) {
          throw new InvalidInputException(source + ", configuration " + (k + 1)
              + ": atom type " + t + " is not a species of the potential (0.."
              + (potential.speciesCount() - 1) + ")");
        }
      }
      MtpCalculator.Result r = calc.compute(ref);
      if (ref.hasEnergy()) {
        epa[ne++] = Math.abs(r.energy() - ref.energy()) / ref.size();
      }
      double[][] f = ref.forces();
      if (f != null) {
        for (int i = 0; i < f.length; i++) {
          for (int c = 0; c < 3; c++) {
            frc[nf++] = Math.abs(r.forces()[i][c] - f[i][c]);
          }
        }
      }
      double[] s = ref.plusStress();
      if (s != null) {
        double volume = volume(ref);
        for (int v = 0; v < 6; v++) {
          double d = Math.abs(r.plusStress()[v] - s[v]);
          for (int twice = v < 3 ? 1 : 2; twice > 0; twice--) {
            str[ns++] = d;
            if (volume > 0) {
              gpa[ng++] = d / volume * EV_PER_A3_IN_GPA;
            }
          }
        }
      }
    }
    return new MtpErrors(reference.size(), Statistic.of(epa, ne), Statistic.of(frc, nf),
        Statistic.of(str, ns), Statistic.of(gpa, ng));
  }

  /** The cell volume (Å³) of a configuration periodic in three directions, else 0. */
  private static double volume(MlipCfg c) {
    if (!(c.periodic(0) && c.periodic(1) && c.periodic(2))) {
      return 0;
    }
    double[][] a = c.cellRows();
    return Math.abs(a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
        - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
        + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]));
  }
}
