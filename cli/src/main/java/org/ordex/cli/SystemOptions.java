package org.ordex.cli;

import java.nio.file.Path;
import org.ordex.lattice.SystemSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code SYSTEM [--supercell M]} arguments of subcommands that work on a system file
 * (add with {@code @Mixin SystemOptions system;}).
 */
final class SystemOptions {
  @Parameters(index = "0", paramLabel = "SYSTEM", description = "system file (YAML)")
  Path file;

  @Option(names = "--supercell", paramLabel = "M",
      description = "override the system file's supercell: NxNxN, N, or nine integers")
  String supercell;

  /** The system with the supercell override applied. */
  SystemSpec load() {
    return Systems.load(file, supercell);
  }
}
