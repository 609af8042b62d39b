package org.ordex.cli;

import java.nio.file.Path;
import org.ordex.lattice.Supercell;
import org.ordex.lattice.SystemFile;
import org.ordex.lattice.SystemSpec;

/** Loads a system file for a subcommand, with an optional supercell override. */
final class Systems {
  private Systems() {}

  static SystemSpec load(Path file, String supercellOverride) {
    SystemSpec s = SystemFile.read(file);
    if (supercellOverride == null) {
      return s;
    }
    Supercell cell = Supercell.of(s.parent(), Supercell.parseMatrix(supercellOverride));
    return new SystemSpec(s.name(), s.parent(), cell, s.source());
  }
}
