package org.ordex.lattice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A structure with the properties a calculation attached to it: total energy (eV, NaN when
 * absent), forces (eV/Å per atom, or null), the stress as a virial in eV (Voigt order xx yy
 * zz yz xz xy, or null), and further key/value information from the file. One frame of an
 * extxyz or MLIP .cfg file.
 */
public record Frame(Structure structure, double energy, double[][] forces, double[] virial,
    Map<String, String> info) {

  public Frame {
    info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
    if (forces != null && forces.length != structure.size()) {
      throw new IllegalArgumentException("forces for " + forces.length + " atoms, structure has "
          + structure.size());
    }
  }

  /** A frame with only a structure. */
  public static Frame of(Structure structure) {
    return new Frame(structure, Double.NaN, null, null, Map.of());
  }

  /** A frame with a structure and its total energy (eV). */
  public static Frame of(Structure structure, double energy) {
    return new Frame(structure, energy, null, null, Map.of());
  }

  public boolean hasEnergy() {
    return !Double.isNaN(energy);
  }
}
