package org.ordex.lattice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one DFT calculation as read from a code's output: total energy (eV per
 * cell), the structure when the output has one (null otherwise), magnetic moments per atom
 * (μB; null when absent) and in total (NaN when absent), whether the SCF converged, the wall
 * time in seconds (NaN when unknown) and further key/value information (code, settings).
 */
public record DftResult(String code, double energy, Structure structure, double[] magmoms,
    double totalMagmom, boolean converged, double wallSeconds, Map<String, String> info) {
  public DftResult {
    magmoms = magmoms == null ? null : magmoms.clone();
    info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
    if (structure != null && magmoms != null && magmoms.length != structure.size()) {
      throw new IllegalArgumentException(magmoms.length + " moments for " + structure.size()
          + " atoms");
    }
  }

  /** Moments per atom (copy), or null. */
  @Override
  public double[] magmoms() {
    return magmoms == null ? null : magmoms.clone();
  }
}
