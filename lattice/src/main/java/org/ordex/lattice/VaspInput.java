package org.ordex.lattice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * VASP input besides the POSCAR: an INCAR template for a spin-polarised single point with
 * MAGMOM (in the POSCAR's species-grouped order) and the LDAU tags filled per species, and
 * a KPOINTS file for a {@link KpointMesh} (Gamma-based with a half-step shift, the same
 * points as the mesh's definition). User tags override or extend the template.
 */
public final class VaspInput {
  private VaspInput() {}

  /**
   * INCAR text for structure {@code s}: {@code magmom} per atom in the structure's own order
   * (μB), {@code hubbardU} per species (eV, d shell; species without U get LDAUL = -1), and
   * {@code extra} tags that override the template's.
   */
  public static String incar(Structure s, double[] magmom, Map<String, Double> hubbardU,
      Map<String, String> extra) {
    if (magmom.length != s.size()) {
      throw new IllegalArgumentException(magmom.length + " moments for " + s.size() + " atoms");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("SYSTEM", s.formula());
    tags.put("PREC", "Accurate");
    tags.put("ENCUT", "520");
    tags.put("EDIFF", "1E-6");
    tags.put("ISMEAR", "0");
    tags.put("SIGMA", "0.05");
    tags.put("NSW", "0");
    tags.put("IBRION", "-1");
    tags.put("LORBIT", "11");
    tags.put("ISPIN", "2");
    tags.put("MAGMOM", magmomTag(s, magmom));
    List<String> order = s.speciesOrder();
    if (order.stream().anyMatch(hubbardU::containsKey)) {
      tags.put("LDAU", ".TRUE.");
      tags.put("LDAUTYPE", "2");
      tags.put("LDAUL", join(order, sp -> hubbardU.containsKey(sp) ? "2" : "-1"));
      tags.put("LDAUU", join(order, sp -> num(hubbardU.getOrDefault(sp, 0.0))));
      tags.put("LDAUJ", join(order, sp -> "0"));
      tags.put("LMAXMIX", "4");
    }
    extra.forEach((k, v) -> tags.put(k.toUpperCase(Locale.ROOT), v));
    StringBuilder b = new StringBuilder();
    b.append("# written by ordex spotcheck export; species order ").append(String.join(" ", order))
        .append(" as in the POSCAR\n");
    tags.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
    return b.toString();
  }

  /** MAGMOM in species-grouped order with runs compressed: {@code 2*-3 4*0 8*0}. */
  static String magmomTag(Structure s, double[] magmom) {
    List<String> values = new ArrayList<>();
    for (String sp : s.speciesOrder()) {
      for (int i = 0; i < s.size(); i++) {
        if (s.species(i).equals(sp)) {
          values.add(num(magmom[i]));
        }
      }
    }
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < values.size()) {
      int j = i;
      while (j < values.size() && values.get(j).equals(values.get(i))) {
        j++;
      }
      b.append(b.length() > 0 ? " " : "").append(j - i > 1 ? (j - i) + "*" : "")
          .append(values.get(i));
      i = j;
    }
    return b.toString();
  }

  /** KPOINTS text: the mesh with every point shifted by half a step. */
  public static String kpoints(KpointMesh mesh) {
    return "k-point mesh " + mesh + ", shifted by half a step (ordex)\n0\nGamma\n"
        + mesh.n1() + " " + mesh.n2() + " " + mesh.n3() + "\n0.5 0.5 0.5\n";
  }

  private static String join(List<String> order, java.util.function.Function<String, String> f) {
    StringBuilder b = new StringBuilder();
    for (String sp : order) {
      b.append(b.length() > 0 ? " " : "").append(f.apply(sp));
    }
    return b.toString();
  }

  private static String num(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e6) {
      return Long.toString((long) x);
    }
    return Double.toString(x);
  }
}
