package org.ordex.cli;

import java.util.List;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.SublatticeComposition;
import org.ordex.lattice.Composition;
import org.ordex.lattice.Supercell;
import picocli.CommandLine.Option;

/** The {@code --composition C | --all-compositions} choice shared by enumerating commands. */
final class CompositionOptions {
  @Option(names = "--composition", paramLabel = "C", required = true,
      description = "fixed composition: SPECIES=COUNT,… over all active sites (e.g. "
          + "Co=12,Mn=12 or fractions Co=0.5; one species may be left out) or SUBLATTICE:SPECIES=COUNT,… "
          + "(e.g. 8a:Co=2,16d:Co=10)")
  String composition;

  @Option(names = "--all-compositions", required = true,
      description = "every composition of the active sites")
  boolean all;

  /** The arrangements of the chosen compositions of the active sites of {@code cell}. */
  List<ArrangementSpace> spaces(Supercell cell) {
    if (all) {
      return ArrangementSpace.allCompositions(cell);
    }
    return List.of(composition.contains(":")
        ? ArrangementSpace.of(SublatticeComposition.parse(composition, cell))
        : ArrangementSpace.of(Composition.parse(composition, cell)));
  }
}
