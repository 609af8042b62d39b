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
}
