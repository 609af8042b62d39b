package org.ordex.analysis.hull;

/**
 * One structure on a binary convex hull: where it came from, how many mixing sites it has,
 * its composition x (fraction of the first mixing species on them) and its total energy.
 *
 * @param source file the structure was read from
 * @param frame frame number in that file, from 1
 * @param id the structure's id (its {@code id=} info, else {@code FILE#FRAME})
 * @param formula chemical formula of the whole structure
 * @param sites number of mixing sites (atoms of either mixing species)
 * @param x fraction of the first mixing species among the mixing sites
 * @param energy total energy, eV per structure
 */
public record HullEntry(String source, int frame, String id, String formula, int sites, double x,
    double energy) {

  /** Energy per mixing site (eV). */
  public double energyPerSite() {
    return energy / sites;
  }
}
