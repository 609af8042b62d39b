package org.ordex.analysis;

import java.util.ArrayList;
import java.util.List;
import org.ordex.enumeration.CanonicalAverages;
import org.ordex.enumeration.DensityOfStates;
import org.ordex.enumeration.OccupancyKey;

/**
 * Exact canonical thermodynamics of a binary across its compositions, from the enumerated
 * densities of states: F, U, S, C_v and sublattice occupations per composition at any
 * temperature the densities allow, and the mixing free energy relative to the end members.
 * Compositions are ordered by x, the fraction of A on the active sites. Immutable.
 */
public final class ExactThermodynamics {
  private final BinaryLattice lattice;
  private final double[] x;
  private final DensityOfStates[] dos;
  private final OccupancyKey keys;

  /** From densities of states at compositions x (ascending). */
  public ExactThermodynamics(BinaryLattice lattice, double[] x, DensityOfStates[] dos,
      OccupancyKey keys) {
    for (int i = 1; i < x.length; i++) {
      if (!(x[i] > x[i - 1])) {
        throw new IllegalArgumentException("compositions must ascend strictly");
      }
    }
    this.lattice = lattice;
    this.x = x.clone();
    this.dos = dos.clone();
    this.keys = keys;
  }

  public double[] x() {
    return x.clone();
  }

  /** Whether both end members (x = 0 and x = 1) are present, so mixing is defined. */
  public boolean hasEndMembers() {
    return x.length >= 2 && x[0] == 0 && x[x.length - 1] == 1;
  }

  /** Canonical averages of composition i at T. */
  public CanonicalAverages at(int i, double t) {
    return CanonicalAverages.of(dos[i], keys, t);
  }

  /** Free energy per supercell (eV) of every composition at T. */
  public double[] freeEnergies(double t) {
    double[] f = new double[x.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = at(i, t).freeEnergy();
    }
    return f;
  }

  /** ΔF_mix per active site (eV) at T. */
  public double[] mixingFreeEnergyPerSite(double t) {
    double[] d = Mixing.relativeToEndMembers(x, freeEnergies(t));
    for (int i = 0; i < d.length; i++) {
      d[i] /= lattice.activeSites();
    }
    return d;
  }

  /** The two-phase regions at T from the common tangents of ΔF_mix(x). */
  public List<CommonTangents.TwoPhase> twoPhaseRegions(double t) {
    return CommonTangents.twoPhaseRegions(x, mixingFreeEnergyPerSite(t), 1e-10);
  }

  /**
   * Sublattice fractions of A and the mean energy (eV per supercell) of the arrangements of
   * each sublattice occupancy over all compositions: rows {c_0, …, c_{L−1}, E}. The data of
   * {@link FittedMeanField}.
   */
  public double[][] occupancyMeanEnergies() {
    List<double[]> rows = new ArrayList<>();
    int l = lattice.sites().length;
    for (DensityOfStates d : dos) {
      java.util.Map<Long, double[]> sums = new java.util.TreeMap<>();
      d.forEachBin((key, centre, count, m, off) -> {
        double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
        sum[0] += count;
        sum[1] += count * centre + m[off];
      });
      sums.forEach((key, sum) -> {
        int[][] counts = keys.counts(key);
        double[] row = new double[l + 1];
        for (int j = 0; j < l; j++) {
          row[j] = (double) counts[lattice.sublattices().get(j).index()][lattice.a()]
              / lattice.sites()[j];
        }
        row[l] = sum[1] / sum[0];
        rows.add(row);
      });
    }
    return rows.toArray(new double[0][]);
  }
}
