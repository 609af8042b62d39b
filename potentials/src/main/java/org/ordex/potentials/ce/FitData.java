package org.ordex.potentials.ce;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.Supercell;

/**
 * Training data of a cluster expansion: per structure its name, correlation vector, total
 * energy (eV per supercell), number of primitive cells and of atoms. Configurations may live
 * in different supercells of the space's parent. Immutable.
 */
public final class FitData {
  private final ClusterSpace space;
  private final List<String> names;
  private final double[][] correlations;
  private final double[] energies;
  private final int[] primitiveCells;
  private final int[] atoms;

  private FitData(ClusterSpace space, List<String> names, double[][] correlations,
      double[] energies, int[] primitiveCells, int[] atoms) {
    this.space = space;
    this.names = List.copyOf(names);
    this.correlations = correlations;
    this.energies = energies;
    this.primitiveCells = primitiveCells;
    this.atoms = atoms;
  }

  /** The data of configurations with their total energies (eV per supercell). */
  public static FitData of(ClusterSpace space, List<String> names,
      List<Configuration> configurations, double[] energies) {
    int n = configurations.size();
    if (names.size() != n || energies.length != n) {
      throw new IllegalArgumentException("one name and one energy per configuration needed");
    }
    Map<Supercell, SupercellClusters> clusters = new IdentityHashMap<>();
    double[][] corr = new double[n][];
    int[] prim = new int[n];
    int[] atoms = new int[n];
    for (int i = 0; i < n; i++) {
      Configuration c = configurations.get(i);
      if (!Double.isFinite(energies[i])) {
        throw new IllegalArgumentException(names.get(i) + ": energy " + energies[i]);
      }
      SupercellClusters sc = clusters.computeIfAbsent(c.supercell(), space::clustersIn);
      corr[i] = sc.correlations(c);
      prim[i] = sc.primitiveCells();
      atoms[i] = c.supercell().size();
    }
    return new FitData(space, names, corr, energies.clone(), prim, atoms);
  }

  public ClusterSpace space() {
    return space;
  }

  public int size() {
    return energies.length;
  }

  public String name(int i) {
    return names.get(i);
  }

  /** Correlation vector of structure i (shared; do not modify). */
  double[] correlations(int i) {
    return correlations[i];
  }

  /** Total energy (eV per supercell) of structure i. */
  public double energy(int i) {
    return energies[i];
  }

  public int primitiveCells(int i) {
    return primitiveCells[i];
  }

  public int atoms(int i) {
    return atoms[i];
  }
}
