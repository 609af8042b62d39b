package org.ordex.cli;

import java.util.ArrayList;
import java.util.List;
import org.ordex.analysis.FormulaUnits;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.CanonicalAverages;
import org.ordex.enumeration.DensityOfStates;
import org.ordex.enumeration.EnumerationResult;
import org.ordex.enumeration.OccupancyKey;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.Units;

/**
 * The exact thermodynamics table ({@code thermo.csv}) of the complete compositions of an
 * enumeration: per composition and temperature ln Z, and F, U (eV), S and C_v (k_B) per
 * supercell, per formula unit and per active site, then the mean fraction of each species
 * on each active sublattice.
 */
final class ThermoTable {
  private ThermoTable() {}

  static String csv(Supercell cell, List<ArrangementSpace> spaces, EnumerationResult result,
      double[] temperatures) {
    ParentLattice parent = cell.parent();
    OccupancyKey keys = OccupancyKey.of(cell);
    List<Sublattice> active = parent.sublattices().stream().filter(Sublattice::isActive)
        .toList();
    List<Integer> species = new ArrayList<>();
    for (Sublattice sub : active) {
      for (int s : sub.allowed()) {
        if (!species.contains(s)) {
          species.add(s);
        }
      }
    }
    int n = cell.activeSiteCount();
    double[] per = {1, FormulaUnits.of(cell), n};
    String[] unit = {"cell", "fu", "site"};
    StringBuilder b = new StringBuilder("composition");
    for (int s : species) {
      b.append(",x_").append(parent.species().get(s));
    }
    b.append(",T_K,lnZ");
    for (String u : unit) {
      b.append(",F_eV_per_").append(u).append(",U_eV_per_").append(u).append(",S_kB_per_")
          .append(u).append(",Cv_kB_per_").append(u);
    }
    for (Sublattice sub : active) {
      for (int s : sub.allowed()) {
        b.append(',').append(sub.label()).append('_').append(parent.species().get(s));
      }
    }
    b.append('\n');
    double kb = Units.KB;
    for (int c = 0; c < spaces.size(); c++) {
      if (!result.isComplete(c)) {
        continue;
      }
      DensityOfStates dos = result.dos(c);
      int[] counts = spaces.get(c).counts();
      for (double t : temperatures) {
        CanonicalAverages a = CanonicalAverages.of(dos, keys, t);
        b.append(spaces.get(c).label());
        for (int s : species) {
          b.append(',').append((double) counts[s] / n);
        }
        b.append(',').append(t).append(',').append(a.lnZ());
        for (double p : per) {
          b.append(',').append(a.freeEnergy() / p).append(',').append(a.energy() / p)
              .append(',').append(a.entropy() / kb / p).append(',')
              .append(a.heatCapacity() / kb / p);
        }
        for (Sublattice sub : active) {
          int size = sub.sites().length * cell.volumeFactor();
          for (int s : sub.allowed()) {
            b.append(',').append(keys.isTracked()
                ? Double.toString(a.occupancy()[sub.index()][s] / size) : "");
          }
        }
        b.append('\n');
      }
    }
    return b.toString();
  }
}
