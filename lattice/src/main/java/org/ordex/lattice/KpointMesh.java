package org.ordex.lattice;

/**
 * A k-point mesh chosen from a density (points per Å⁻¹): {@code n_i = max(1, ceil(2π |b_i|
 * density))}, with every point shifted by half a mesh step, k = (j + 1/2)/n. For even n this
 * is the Monkhorst–Pack mesh; a single point sits at 1/2. The shift makes the mesh of a
 * supercell the folded mesh of its cell (a 2×2×2 mesh of the spinel cell and the 2×2×1 mesh
 * of its 1×1×2 supercell sample the same Bloch vectors), so energies of different cells are
 * comparable. The same rule as the GPAW adapter (examples/dft/gpaw_energy.py).
 */
public record KpointMesh(int n1, int n2, int n3) {
  public KpointMesh {
    if (n1 < 1 || n2 < 1 || n3 < 1) {
      throw new IllegalArgumentException("mesh sizes must be positive");
    }
  }

  /** The mesh of {@code lattice} for a density in points per Å⁻¹. */
  public static KpointMesh fromDensity(Lattice lattice, double density) {
    int[] n = new int[3];
    for (int i = 0; i < 3; i++) {
      n[i] = Math.max(1, (int) Math.ceil(2 * Math.PI * lattice.reciprocalLength(i) * density
          - 1e-9));
    }
    return new KpointMesh(n[0], n[1], n[2]);
  }

  /** The sizes as an array. */
  public int[] sizes() {
    return new int[] {n1, n2, n3};
  }

  @Override
  public String toString() {
    return n1 + "x" + n2 + "x" + n3;
  }
}
