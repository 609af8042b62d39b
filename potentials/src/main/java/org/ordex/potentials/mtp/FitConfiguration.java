package org.ordex.potentials.mtp;

import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipCfg;

/**
 * One training configuration prepared for fitting: atom types, the neighbourhoods within the
 * cutoff (built once; positions never change during a fit) and the reference energy (eV),
 * forces (eV/Å, flat x y z per atom, or null) and PlusStress (virial in eV, Voigt order xx yy
 * zz yz xz xy, or null).
 */
final class FitConfiguration {
  final int[] types;
  final int[] speciesCounts;
  final Neighbourhoods neighbourhoods;
  final double energy;
  final double[] forces;
  final double[] plusStress;

  private FitConfiguration(int[] types, int[] speciesCounts, Neighbourhoods neighbourhoods,
      double energy, double[] forces, double[] plusStress) {
    this.types = types;
    this.speciesCounts = speciesCounts;
    this.neighbourhoods = neighbourhoods;
    this.energy = energy;
    this.forces = forces;
    this.plusStress = plusStress;
  }

  /**
   * Prepares configuration {@code index} (1-based, for messages) of {@code source}: checks
   * that every type is below {@code species}, that the energy is present and that every
   * reference number is finite.
   */
  static FitConfiguration of(MlipCfg cfg, int species, double cutoff, String source,
      int index) {
    String where = source + ", configuration " + index;
    if (cfg.size() == 0) {
      throw new InvalidInputException(where + ": no atoms");
    }
    int[] types = cfg.types();
    int[] counts = new int[species];
    for (int i = 0; i < types.length; i++) {
      if (types[i] < 0 || types[i] >= species) {
        throw new InvalidInputException(where + ": atom " + (i + 1) + " has type " + types[i]
            + " but the potential has " + species + " species (types 0.." + (species - 1)
            + "); list every species of the data in --species");
      }
      counts[types[i]]++;
    }
    if (!cfg.hasEnergy()) {
      throw new InvalidInputException(where + ": no energy (or NaN); every training "
          + "configuration needs a finite energy");
    }
    finite(new double[] {cfg.energy()}, where, "energy");
    double[] forces = null;
    double[][] f = cfg.forces();
    if (f != null) {
      forces = new double[3 * f.length];
      for (int i = 0; i < f.length; i++) {
        System.arraycopy(f[i], 0, forces, 3 * i, 3);
      }
      finite(forces, where, "forces");
    }
    double[] stress = cfg.plusStress();
    if (stress != null) {
      finite(stress, where, "PlusStress");
    }
    Neighbourhoods nb = Neighbourhoods.build(cfg.cartesian(), cfg.cellRows(), cutoff);
    return new FitConfiguration(types, counts, nb, cfg.energy(), forces, stress);
  }

  private static void finite(double[] v, String where, String what) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        throw new InvalidInputException(where + ": " + what + " holds " + x
            + "; expected finite numbers");
      }
    }
  }

  int size() {
    return types.length;
  }
}
