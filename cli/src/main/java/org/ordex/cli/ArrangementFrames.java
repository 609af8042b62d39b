package org.ordex.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.lattice.Frame;

/**
 * The arrangements of one {@link ArrangementSpace} as structure frames: the ideal structure
 * of the supercell with the arrangement's species, and in the info line its id
 * ({@code COMPOSITION-RANK}, stable between runs), composition, rank, multiplicity and the
 * species counts per sublattice. The ideal structure is built once per space.
 */
final class ArrangementFrames {
  private final ArrangementSpace space;
  private final ConfigurationFrames frames;

  ArrangementFrames(ArrangementSpace space) {
    this.space = space;
    byte[] first = new byte[space.supercell().activeSiteCount()];
    space.unrank(0, first);
    this.frames = new ConfigurationFrames(space.supercell(), first);
  }

  /** The id of the arrangement of rank r: e.g. {@code Co12Mn12-4711}. */
  String id(long rank) {
    return space.label() + "-" + rank;
  }

  /** The frame of one arrangement; energy NaN when not scored. */
  Frame frame(long rank, byte[] occupation, long multiplicity, double energy) {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("id", id(rank));
    info.put("composition", space.label());
    info.put("rank", Long.toString(rank));
    info.put("multiplicity", Long.toString(multiplicity));
    info.put("occupancy", frames.occupancy(occupation));
    return frames.frame(occupation, energy, info);
  }
}
