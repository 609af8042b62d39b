package org.ordex.potentials.ce;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.EnergyModel;
import org.ordex.potentials.SupercellEnergy;

/**
 * A cluster expansion: a {@link ClusterSpace} with one effective cluster interaction (ECI, eV)
 * per correlation function. The energy per primitive cell of a configuration with correlation
 * vector Π is E = Σ_f m_f J_f Π_f (m_f = multiplicity per primitive cell, J_0 the constant);
 * a supercell of N primitive cells has N times that. Carries free-form metadata (the fit
 * report) that is saved with it. Immutable; saved and read as a JSON file (see
 * {@link ClusterExpansionFile}).
 */
public final class ClusterExpansion implements EnergyModel {
  private final ClusterSpace space;
  private final double[] ecis;
  private final Map<String, Object> metadata;

  private ClusterExpansion(ClusterSpace space, double[] ecis, Map<String, Object> metadata) {
    if (ecis.length != space.size()) {
      throw new IllegalArgumentException(ecis.length + " ECIs for " + space.size()
          + " correlation functions");
    }
    for (double e : ecis) {
      if (!Double.isFinite(e)) {
        throw new IllegalArgumentException("ECIs must be finite, got " + e);
      }
    }
    this.space = space;
    this.ecis = ecis.clone();
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** A cluster expansion with ECIs (eV) in the order of {@link ClusterSpace#functions()}. */
  public static ClusterExpansion of(ClusterSpace space, double[] ecis) {
    return new ClusterExpansion(space, ecis, Map.of());
  }

  /** The same with metadata (values: strings, numbers, booleans, lists and maps of these). */
  public static ClusterExpansion of(ClusterSpace space, double[] ecis,
      Map<String, Object> metadata) {
    return new ClusterExpansion(space, ecis, metadata);
  }

  /** Reads a cluster expansion file; malformed or inconsistent files are bad input. */
  public static ClusterExpansion read(Path path) {
    return ClusterExpansionFile.read(path);
  }

  /** Writes this cluster expansion as a JSON file (atomically). */
  public void write(Path path) {
    ClusterExpansionFile.write(path, this);
  }

  public ClusterSpace space() {
    return space;
  }

  /** The ECIs (eV), one per correlation function (copy). */
  public double[] ecis() {
    return ecis.clone();
  }

  public Map<String, Object> metadata() {
    return metadata;
  }

  /** Number of nonzero ECIs. */
  public int nonzeroCount() {
    int n = 0;
    for (double e : ecis) {
      if (e != 0) {
        n++;
      }
    }
    return n;
  }

  /** Energy per primitive cell (eV) of a correlation vector: Σ_f m_f J_f Π_f. */
  public double energyPerPrimitiveCell(double[] correlations) {
    double e = 0;
    for (CorrelationFunction f : space.functions()) {
      e += f.multiplicity() * ecis[f.index()] * correlations[f.index()];
    }
    return e;
  }

  @Override
  public String describe() {
    java.util.Set<String> species = new java.util.LinkedHashSet<>();
    for (org.ordex.lattice.Sublattice sub : space.parent().sublattices()) {
      if (sub.isActive()) {
        species.addAll(sub.allowedNames(space.parent().species()));
      }
    }
    return "cluster expansion of " + String.join("/", species) + ": " + space.describe() + ", "
        + nonzeroCount() + " nonzero ECIs";
  }

  @Override
  public SupercellEnergy bind(Supercell cell) {
    return new ClusterExpansionEnergy(this, cell);
  }
}
