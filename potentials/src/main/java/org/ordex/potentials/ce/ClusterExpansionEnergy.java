package org.ordex.potentials.ce;

import org.ordex.lattice.Supercell;
import org.ordex.potentials.MoveEvaluator;
import org.ordex.potentials.SupercellEnergy;

/**
 * A cluster expansion bound to one supercell: total energies through the correlation vector
 * (E = N_prim · Σ_f m_f J_f Π_f) and incremental evaluators on the per-site term tables.
 * Immutable and thread-safe.
 */
final class ClusterExpansionEnergy implements SupercellEnergy {
  private final ClusterExpansion expansion;
  private final SupercellClusters clusters;
  private final LocalTerms terms;

  ClusterExpansionEnergy(ClusterExpansion expansion, Supercell cell) {
    this.expansion = expansion;
    this.clusters = expansion.space().clustersIn(cell);
    this.terms = new LocalTerms(clusters, expansion.ecis());
  }

  @Override
  public Supercell supercell() {
    return clusters.supercell();
  }

  @Override
  public double energy(byte[] occupation) {
    return clusters.primitiveCells()
        * expansion.energyPerPrimitiveCell(clusters.correlations(occupation));
  }

  @Override
  public MoveEvaluator evaluator(byte[] occupation) {
    return new ClusterExpansionEvaluator(this, clusters, terms, occupation);
  }
}
