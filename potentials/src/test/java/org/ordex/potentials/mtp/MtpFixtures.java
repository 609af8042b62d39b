package org.ordex.potentials.mtp;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The shared MLIP-2 fixtures; tests skip when they are absent. */
final class MtpFixtures {
  private static final Path ROOT = Path.of("../../shared/data/mtp");

  private MtpFixtures() {}

  static Path file(String relative) {
    Path p = ROOT.resolve(relative);
    Assumptions.assumeTrue(Files.exists(p), "shared MTP data absent: " + p);
    return p;
  }

  /** The template with random coefficients (uniform, seeded). */
  static MtpPotential random(MtpPotential template, long seed) {
    java.util.Random rnd = new java.util.Random(seed);
    double[] radial = new double[template.radialCoeffCount()];
    for (int i = 0; i < radial.length; i++) {
      radial[i] = 0.2 * (rnd.nextDouble() - 0.5);
    }
    double[] species = new double[template.speciesCount()];
    for (int i = 0; i < species.length; i++) {
      species[i] = -5 * rnd.nextDouble();
    }
    double[] moments = new double[template.alphaScalarMoments()];
    for (int i = 0; i < moments.length; i++) {
      moments[i] = rnd.nextDouble() - 0.5;
    }
    return template.withCoefficients(radial, species, moments);
  }

  /** The 56-atom spinel (a = 8.4 Å, u = 0.2625) with Co/Mn on 8a and 16d, O fixed. */
  static org.ordex.lattice.Supercell spinel() {
    org.ordex.lattice.Prototype.LabelledCell cell = org.ordex.lattice.Prototype.SPINEL.build(
        java.util.Map.of("a", 8.4, "u", 0.2625), false);
    org.ordex.lattice.ParentLattice p = org.ordex.lattice.ParentLattice.of(cell.structure(),
        cell.labels(), java.util.Map.of("8a", java.util.List.of("Co", "Mn"), "16d",
            java.util.List.of("Co", "Mn"), "32e", java.util.List.of("O")), 0.01);
    return org.ordex.lattice.Supercell.diagonal(p, 1, 1, 1);
  }
}
