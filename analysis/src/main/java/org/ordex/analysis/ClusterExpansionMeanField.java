package org.ordex.analysis;

import java.util.ArrayList;
import java.util.List;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Sublattice;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;
import org.ordex.potentials.ce.CorrelationFunction;

/**
 * The point-approximation energy of a binary cluster expansion: its correlation functions
 * averaged over independent site occupations. Every site j of a cluster carries a point
 * function Θ_n whose average on sublattice l is ⟨Θ_n⟩_l = c_l Θ_n(A) + (1 − c_l) Θ_n(B), so
 * ⟨Π_f⟩ = Π_j ⟨Θ_{n_j}⟩_{l_j} (the same for every cluster of an orbit, which all visit the
 * same sublattices), and E = N_prim Σ_f m_f J_f ⟨Π_f⟩ per supercell. This is the expectation
 * of the expansion's energy over independently occupied sites whenever no cluster holds a
 * site twice in the supercell. Immutable.
 */
public final class ClusterExpansionMeanField implements MeanFieldEnergy {
  private final int sublattices;
  private final double[] coefficient;
  private final int[][] sublatticeOf;
  private final double[][] thetaA;
  private final double[][] thetaB;
  private final String description;

  private ClusterExpansionMeanField(int sublattices, double[] coefficient, int[][] sublatticeOf,
      double[][] thetaA, double[][] thetaB, String description) {
    this.sublattices = sublattices;
    this.coefficient = coefficient;
    this.sublatticeOf = sublatticeOf;
    this.thetaA = thetaA;
    this.thetaB = thetaB;
    this.description = description;
  }

  /**
   * The point approximation of {@code ce} in {@code cell}, species A = the first species of
   * the active sublattices. Every active sublattice must allow the same two species.
   */
  public static ClusterExpansionMeanField of(ClusterExpansion ce, Supercell cell) {
    ClusterSpace space = ce.space();
    ParentLattice parent = space.parent();
    List<Sublattice> active = activeBinary(parent);
    int a = active.get(0).allowed()[0];
    double cells = (double) cell.volumeFactor() * space.primitiveCellsPerParentCell();
    double[] ecis = ce.ecis();
    List<double[]> coef = new ArrayList<>();
    List<int[]> subs = new ArrayList<>();
    List<double[]> ta = new ArrayList<>();
    List<double[]> tb = new ArrayList<>();
    for (CorrelationFunction f : space.functions()) {
      if (ecis[f.index()] == 0) {
        continue;
      }
      int[][] sites = f.orbit().representative();
      int[] dec = f.decoration();
      int[] l = new int[sites.length];
      double[] xa = new double[sites.length];
      double[] xb = new double[sites.length];
      for (int j = 0; j < sites.length; j++) {
        Sublattice sub = parent.sublatticeOf(sites[j][0]);
        l[j] = active.indexOf(sub);
        double[][] theta = space.basis(sub.index());
        int sigmaA = sub.allowed()[0] == a ? 0 : 1;
        xa[j] = theta[dec[j]][sigmaA];
        xb[j] = theta[dec[j]][1 - sigmaA];
      }
      coef.add(new double[] {cells * f.multiplicity() * ecis[f.index()]});
      subs.add(l);
      ta.add(xa);
      tb.add(xb);
    }
    double[] c = new double[coef.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = coef.get(i)[0];
    }
    return new ClusterExpansionMeanField(active.size(), c, subs.toArray(new int[0][]),
        ta.toArray(new double[0][]), tb.toArray(new double[0][]),
        "point approximation of the cluster expansion (correlation functions averaged over "
            + "independent site occupations)");
  }

  /** The active sublattices of a binary parent; anything else is bad input. */
  static List<Sublattice> activeBinary(ParentLattice parent) {
    List<Sublattice> active = parent.sublattices().stream().filter(Sublattice::isActive)
        .toList();
    if (active.isEmpty()) {
      throw new InvalidInputException("no active sublattice: nothing mixes");
    }
    java.util.Set<Integer> first = java.util.Set.of(active.get(0).allowed()[0],
        active.get(0).allowed()[active.get(0).allowed().length - 1]);
    for (Sublattice s : active) {
      int[] allowed = s.allowed();
      if (allowed.length != 2 || !first.equals(java.util.Set.of(allowed[0], allowed[1]))) {
        throw new InvalidInputException("mean-field and mixing analysis need a binary: every "
            + "active sublattice allowing the same two species (sublattice " + s.label()
            + " allows " + s.allowedNames(parent.species()) + ")");
      }
    }
    return active;
  }

  @Override
  public int sublatticeCount() {
    return sublattices;
  }

  @Override
  public double energy(double[] c) {
    double e = 0;
    for (int f = 0; f < coefficient.length; f++) {
      double p = coefficient[f];
      int[] l = sublatticeOf[f];
      for (int j = 0; j < l.length; j++) {
        p *= thetaB[f][j] + (thetaA[f][j] - thetaB[f][j]) * c[l[j]];
      }
      e += p;
    }
    return e;
  }

  @Override
  public String describe() {
    return description;
  }
}
