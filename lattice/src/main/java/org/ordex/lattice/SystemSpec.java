package org.ordex.lattice;

import java.nio.file.Path;

/**
 * What a system file describes: a named parent lattice with the allowed species per site and
 * the supercell to work in.
 *
 * @param name a human-readable name
 * @param source the file it was read from (for messages and relative paths)
 */
public record SystemSpec(String name, ParentLattice parent, Supercell supercell, Path source) {}
