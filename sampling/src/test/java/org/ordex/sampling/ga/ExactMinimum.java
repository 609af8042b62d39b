package org.ordex.sampling.ga;

import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.DistinctArrangements;
import org.ordex.lattice.Composition;
import org.ordex.potentials.SupercellEnergy;

/** The oracle: the lowest energy of a composition over all its symmetry-distinct orderings. */
final class ExactMinimum {
  private ExactMinimum() {}

  static double of(SupercellEnergy energy, FixedComposition composition) {
    ArrangementSpace space = ArrangementSpace.of(Composition.of(composition.supercell(),
        composition.counts()));
    double[] min = {Double.POSITIVE_INFINITY};
    DistinctArrangements.of(space).forEach((rank, occ, mult) ->
        min[0] = Math.min(min[0], energy.energy(occ)));
    return min[0];
  }
}
