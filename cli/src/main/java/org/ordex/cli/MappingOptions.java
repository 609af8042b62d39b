package org.ordex.cli;

import java.nio.file.Path;
import java.util.List;
import org.ordex.lattice.ParentLattice;
import picocli.CommandLine.Option;

/**
 * The options of subcommands that read structure files and map them onto a parent lattice
 * ({@code --species} for MLIP .cfg types, {@code --max-displacement}); add with
 * {@code @Mixin MappingOptions mapping;}.
 */
final class MappingOptions {
  @Option(names = "--species", paramLabel = "LIST",
      description = "elements of the atom types of .cfg files, e.g. Co,Mn,O (type 0 = Co)")
  String species;

  @Option(names = "--max-displacement", paramLabel = "Å",
      description = "largest distance of an atom from its ideal site (default: a quarter of "
          + "the shortest distance between sites)")
  Double maxDisplacement;

  MappedStructures read(List<Path> files, ParentLattice parent) {
    return MappedStructures.read(files, parent, species, maxDisplacement);
  }
}
