package org.ordex.cli;

import java.util.List;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.SublatticeComposition;
import org.ordex.lattice.Composition;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;
import org.ordex.sampling.ga.FixedComposition;
import picocli.CommandLine.Option;

/** The {@code --composition C | --all-compositions} choice shared by enumerating commands. */
final class CompositionOptions {
  static final String ALL = "all";

  @Option(names = "--composition", paramLabel = "C", required = true,
      description = "fixed composition: SPECIES=COUNT,… over all active sites (e.g. "
          + "Co=12,Mn=12 or fractions Co=0.5; one species may be left out) or SUBLATTICE:SPECIES=COUNT,… "
          + "(e.g. 8a:Co=2,16d:Co=10)")
  String composition;

  @Option(names = "--all-compositions", required = true,
      description = "every composition of the active sites")
  boolean all;

  /** The choice as text: {@code all}, or the composition as given. */
  String spec() {
    return all ? ALL : composition;
  }

  /**
   * The chosen compositions of the active sites of {@code cell} as the genetic search keeps
   * them fixed (per sublattice when given so).
   */
  List<FixedComposition> fixed(Supercell cell) {
    if (all) {
      return FixedComposition.all(cell);
    }
    if (!composition.contains(":")) {
      return List.of(FixedComposition.of(Composition.parse(composition, cell)));
    }
    SublatticeComposition c = SublatticeComposition.parse(composition, cell);
    ParentLattice parent = cell.parent();
    int[][] counts = new int[parent.sublattices().size()][parent.species().size()];
    for (Sublattice sub : parent.sublattices()) {
      for (int s = 0; s < counts[sub.index()].length; s++) {
        counts[sub.index()][s] = c.count(sub.index(), s);
      }
    }
    return List.of(FixedComposition.perSublattice(cell, counts, c.label()));
  }

  /** The arrangements of the chosen compositions of the active sites of {@code cell}. */
  List<ArrangementSpace> spaces(Supercell cell) {
    return spaces(spec(), cell);
  }

  /** The arrangements of a choice written by {@link #spec()}. */
  static List<ArrangementSpace> spaces(String spec, Supercell cell) {
    if (spec.equals(ALL)) {
      return ArrangementSpace.allCompositions(cell);
    }
    return List.of(spec.contains(":")
        ? ArrangementSpace.of(SublatticeComposition.parse(spec, cell))
        : ArrangementSpace.of(Composition.parse(spec, cell)));
  }
}
