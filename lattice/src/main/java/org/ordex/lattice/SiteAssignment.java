package org.ordex.lattice;

/**
 * Which site of which supercell of a parent lattice each atom of a structure occupies. The
 * supercell is found from the structure's cell (its vectors are integer combinations of the
 * parent's, up to a uniform or small strain such as a Vegard scaling), and each atom is
 * matched to the nearest unused ideal site, comparing fractional coordinates in the
 * supercell's metric. Immutable.
 */
public record SiteAssignment(Supercell supercell, int[] siteOfAtom) {
  /** Largest deviation of the cell matrix ratio from integers that still counts as a match. */
  static final double CELL_TOLERANCE = 0.25;

  public SiteAssignment {
    siteOfAtom = siteOfAtom.clone();
  }

  /** The site of atom i (a site index of {@link #supercell()}). */
  public int site(int atom) {
    return siteOfAtom[atom];
  }

  /** The label of the sublattice atom i sits on (e.g. 8a). */
  public String sublattice(int atom) {
    return supercell.parent().sublatticeOf(supercell.parentSite(siteOfAtom[atom])).label();
  }

  /**
   * Assigns the atoms of {@code s} to the sites of the supercell of {@code parent} that its
   * cell is; {@code tolerance} in Å (ideal positions scaled to the structure's cell). A cell
   * that is no supercell, an atom off every site or a species not allowed on its site is bad
   * input.
   */
  public static SiteAssignment of(ParentLattice parent, Structure s, double tolerance) {
    return in(Supercell.of(parent, supercellMatrix(parent, s)), s, tolerance);
  }

  /**
   * The integer matrix M with cell ≈ M · parent cell (rows), allowing a uniform or small
   * strain; a cell that is no supercell of the parent is bad input.
   */
  public static int[][] supercellMatrix(ParentLattice parent, Structure s) {
    double[][] ratio = Matrix3.multiply(s.lattice().matrix(),
        Matrix3.inverse(parent.structure().lattice().matrix()));
    int[][] m = new int[3][3];
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 3; k++) {
        m[i][k] = (int) Math.round(ratio[i][k]);
        if (Math.abs(ratio[i][k] - m[i][k]) > CELL_TOLERANCE) {
          throw new InvalidInputException("the cell of " + s + " is not a supercell of the "
              + "parent lattice (cell / parent = " + java.util.Arrays.deepToString(ratio) + ")");
        }
      }
    }
    return m;
  }

  /**
   * Assigns the atoms of {@code s} to the sites of {@code supercell}, whose cell the
   * structure's is up to a uniform or small strain (positions compared as fractions).
   */
  public static SiteAssignment in(Supercell supercell, Structure s, double tolerance) {
    double[][] fractional = new double[s.size()][];
    for (int i = 0; i < s.size(); i++) {
      fractional[i] = s.fractional(i);
    }
    return new SiteAssignment(supercell, match(supercell, s, fractional, tolerance));
  }

  /** The occupation of the active sites (species index per active site). */
  public byte[] occupation(Structure s) {
    ParentLattice parent = supercell.parent();
    byte[] occ = new byte[supercell.activeSiteCount()];
    for (int i = 0; i < siteOfAtom.length; i++) {
      int a = supercell.activeIndex(siteOfAtom[i]);
      if (a >= 0) {
        occ[a] = (byte) parent.speciesIndex(s.species(i));
      }
    }
    return occ;
  }

  /**
   * The site of each atom of {@code s} in {@code supercell} (same cell; {@code tolerance} in
   * Å), checking that every species is allowed on its site.
   */
  static int[] sites(Supercell supercell, Structure s, double tolerance) {
    double[][] fractional = new double[s.size()][];
    for (int i = 0; i < s.size(); i++) {
      fractional[i] = supercell.lattice().toFractional(s.cartesian(i));
    }
    return match(supercell, s, fractional, tolerance);
  }

  private static int[] match(Supercell supercell, Structure s, double[][] fractional,
      double tolerance) {
    int n = supercell.size();
    if (s.size() != n) {
      throw new InvalidInputException("structure has " + s.size() + " atoms, the supercell "
          + supercell.describe() + " has " + n + " sites");
    }
    ParentLattice parent = supercell.parent();
    Lattice lattice = supercell.lattice();
    int[] siteOf = new int[n];
    boolean[] taken = new boolean[n];
    for (int i = 0; i < n; i++) {
      int site = -1;
      double best = tolerance;
      for (int j = 0; j < n; j++) {
        if (!taken[j]) {
          double d = lattice.periodicDistance(fractional[i], supercell.fractional(j));
          if (d < best) {
            best = d;
            site = j;
          }
        }
      }
      if (site < 0) {
        throw new InvalidInputException("atom " + (i + 1) + " (" + s.species(i)
            + ") is not on an ideal site of the supercell (tolerance " + tolerance + " Å)");
      }
      taken[site] = true;
      siteOf[i] = site;
      int sp = parent.speciesIndex(s.species(i));
      int p = supercell.parentSite(site);
      if (sp < 0 || !parent.sublatticeOf(p).allows(sp)) {
        throw new InvalidInputException("atom " + (i + 1) + ": species " + s.species(i)
            + " is not allowed on sublattice " + parent.sublatticeOf(p).label() + " (allowed: "
            + parent.sublatticeOf(p).allowedNames(parent.species()) + ")");
      }
    }
    return siteOf;
  }
}
