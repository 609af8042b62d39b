package org.ordex.lattice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Quantum ESPRESSO pw.x input for a spin-polarised single point. Atoms of one species with
 * different initial moments become separate types ({@code Co1}, {@code Co2}): pw.x sets
 * {@code starting_magnetization} per type, as the fraction moment / valence electrons of the
 * pseudopotential. Hubbard U (eV) uses the {@code lda_plus_u}/{@code Hubbard_U(i)} namelist
 * syntax of pw.x 6.x–7.0 (Debian 12 ships 6.7). The cell is given in Å
 * ({@code CELL_PARAMETERS angstrom}, {@code ibrav = 0}), positions as fractions, the k-points
 * as the {@link KpointMesh} with pw.x's half-step offset {@code 1 1 1}.
 */
public final class PwInput {
  private PwInput() {}

  /** Everything pw.x needs besides the structure and its moments. */
  public record Settings(String prefix, Map<String, String> pseudopotentials,
      Map<String, Double> valence, Map<String, Double> hubbardU, KpointMesh mesh,
      Map<String, Map<String, String>> namelists) {}

  /** The pw.x input text; {@code magmom} per atom (μB). */
  public static String format(Structure s, double[] magmom, Settings settings) {
    if (magmom.length != s.size()) {
      throw new IllegalArgumentException(magmom.length + " moments for " + s.size() + " atoms");
    }
    List<String> typeSpecies = new ArrayList<>();
    List<Double> typeMoment = new ArrayList<>();
    String[] typeOf = new String[s.size()];
    Map<String, Integer> typesPerSpecies = new LinkedHashMap<>();
    for (int i = 0; i < s.size(); i++) {
      String sp = s.species(i);
      int t = -1;
      for (int k = 0; k < typeSpecies.size(); k++) {
        if (typeSpecies.get(k).equals(sp) && typeMoment.get(k) == magmom[i]) {
          t = k;
        }
      }
      if (t < 0) {
        typeSpecies.add(sp);
        typeMoment.add(magmom[i]);
        typesPerSpecies.merge(sp, 1, Integer::sum);
        t = typeSpecies.size() - 1;
      }
      typeOf[i] = Integer.toString(t);
    }
    List<String> labels = typeLabels(typeSpecies, typesPerSpecies);
    for (int i = 0; i < s.size(); i++) {
      typeOf[i] = labels.get(Integer.parseInt(typeOf[i]));
    }
    Map<String, String> control = new LinkedHashMap<>();
    control.put("calculation", "'scf'");
    control.put("prefix", "'" + settings.prefix() + "'");
    control.put("pseudo_dir", "'./'");
    control.put("outdir", "'./tmp'");
    control.put("tprnfor", ".true.");
    control.put("tstress", ".true.");
    Map<String, String> system = new LinkedHashMap<>();
    system.put("ibrav", "0");
    system.put("nat", Integer.toString(s.size()));
    system.put("ntyp", Integer.toString(labels.size()));
    system.put("ecutwfc", "45");
    system.put("ecutrho", "360");
    system.put("occupations", "'smearing'");
    system.put("smearing", "'gaussian'");
    system.put("degauss", "0.005");
    system.put("nspin", "2");
    boolean anyU = false;
    for (int t = 0; t < labels.size(); t++) {
      String sp = typeSpecies.get(t);
      double m = typeMoment.get(t);
      if (m != 0) {
        Double z = settings.valence().get(sp);
        if (z == null || !(z > 0)) {
          throw new InvalidInputException("qe.valence." + sp + " is needed to turn the initial "
              + "moment " + m + " μB into pw.x's starting_magnetization");
        }
        system.put("starting_magnetization(" + (t + 1) + ")",
            num(Math.max(-1, Math.min(1, m / z))));
      }
      anyU |= settings.hubbardU().containsKey(sp);
    }
    if (anyU) {
      system.put("lda_plus_u", ".true.");
      for (int t = 0; t < labels.size(); t++) {
        Double u = settings.hubbardU().get(typeSpecies.get(t));
        if (u != null) {
          system.put("Hubbard_U(" + (t + 1) + ")", num(u));
        }
      }
    }
    Map<String, String> electrons = new LinkedHashMap<>();
    electrons.put("conv_thr", "1.0d-8");
    electrons.put("mixing_beta", "0.3");
    Map<String, Map<String, String>> user = settings.namelists();
    control.putAll(user.getOrDefault("control", Map.of()));
    system.putAll(user.getOrDefault("system", Map.of()));
    electrons.putAll(user.getOrDefault("electrons", Map.of()));
    StringBuilder b = new StringBuilder();
    namelist(b, "CONTROL", control);
    namelist(b, "SYSTEM", system);
    namelist(b, "ELECTRONS", electrons);
    b.append("ATOMIC_SPECIES\n");
    for (int t = 0; t < labels.size(); t++) {
      String sp = typeSpecies.get(t);
      String pp = settings.pseudopotentials().get(sp);
      if (pp == null) {
        throw new InvalidInputException("qe.pseudopotentials." + sp + " is missing (the UPF "
            + "file name for " + sp + ")");
      }
      b.append(String.format(Locale.ROOT, "  %-4s %10.4f  %s%n", labels.get(t),
          Elements.mass(sp), pp));
    }
    b.append("CELL_PARAMETERS angstrom\n");
    for (int i = 0; i < 3; i++) {
      double[] v = s.lattice().vector(i);
      b.append(String.format(Locale.ROOT, "  %20.14f %20.14f %20.14f%n", v[0], v[1], v[2]));
    }
    b.append("ATOMIC_POSITIONS crystal\n");
    for (int i = 0; i < s.size(); i++) {
      double[] f = s.fractional(i);
      b.append(String.format(Locale.ROOT, "  %-4s %18.14f %18.14f %18.14f%n", typeOf[i], f[0],
          f[1], f[2]));
    }
    KpointMesh k = settings.mesh();
    b.append("K_POINTS automatic\n  ").append(k.n1()).append(' ').append(k.n2()).append(' ')
        .append(k.n3()).append(" 1 1 1\n");
    return b.toString();
  }

  /** Type labels: the species alone when it has one type, else Co1, Co2, … */
  private static List<String> typeLabels(List<String> typeSpecies,
      Map<String, Integer> typesPerSpecies) {
    List<String> labels = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (String sp : typeSpecies) {
      int n = seen.merge(sp, 1, Integer::sum);
      if (typesPerSpecies.get(sp) > 1 && (sp.length() > 2 || n > 9)) {
        throw new InvalidInputException("pw.x type labels have at most 3 characters: too many "
            + "different initial moments for " + sp);
      }
      labels.add(typesPerSpecies.get(sp) == 1 ? sp : sp + n);
    }
    return labels;
  }

  private static void namelist(StringBuilder b, String name, Map<String, String> entries) {
    b.append('&').append(name).append('\n');
    entries.forEach((k, v) -> b.append("  ").append(k).append(" = ").append(v).append('\n'));
    b.append("/\n");
  }

  private static String num(double x) {
    return Double.toString(x);
  }
}
