package org.ordex.analysis.hull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;

/**
 * Structures with energies for a binary convex hull, read from extxyz files (ground-state
 * search results, scored enumerations, DFT data): the two mixing species A and B (given, or
 * the two species whose proportions vary between the structures, in alphabetical order) and
 * one {@link HullEntry} per frame with x = N_A / (N_A + N_B). Every other species is host:
 * its count per mixing site must be the same in every structure (e.g. 4 O per 3 cations in a
 * spinel), otherwise formation energies would compare different chemistries.
 */
public record HullData(String speciesA, String speciesB, List<HullEntry> entries) {
  public HullData {
    entries = List.copyOf(entries);
  }

  /**
   * Reads every frame of the files; {@code mixing} names the mixing species as {@code A,B}
   * (x = fraction of A), or is null to infer them. Bad input: a frame without energy, mixing
   * species that cannot be inferred or do not occur, a host that differs between structures.
   */
  public static HullData read(List<Path> files, String mixing) {
    List<Frame> frames = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (Path file : files) {
      List<Frame> fs = Extxyz.read(file);
      for (int k = 0; k < fs.size(); k++) {
        if (!fs.get(k).hasEnergy()) {
          throw new InvalidInputException(file + ": frame " + (k + 1) + " has no energy "
              + "(energy=… in its comment line); the hull needs an energy for every structure");
        }
        frames.add(fs.get(k));
        sources.add(file.toString());
        numbers.add(k + 1);
      }
    }
    String[] ab = mixing == null ? infer(frames) : parseMixing(mixing, frames);
    List<HullEntry> entries = new ArrayList<>();
    Map<String, Double> host = null;
    String hostSource = null;
    for (int i = 0; i < frames.size(); i++) {
      Frame f = frames.get(i);
      String where = sources.get(i) + " frame " + numbers.get(i);
      Map<String, Integer> counts = f.structure().speciesCounts();
      int na = counts.getOrDefault(ab[0], 0);
      int nb = counts.getOrDefault(ab[1], 0);
      if (na + nb == 0) {
        throw new InvalidInputException(where + " (" + f.structure().formula() + ") has no "
            + ab[0] + " or " + ab[1] + " atoms");
      }
      Map<String, Double> h = new TreeMap<>();
      for (Map.Entry<String, Integer> c : counts.entrySet()) {
        if (!c.getKey().equals(ab[0]) && !c.getKey().equals(ab[1])) {
          h.put(c.getKey(), c.getValue() / (double) (na + nb));
        }
      }
      if (host == null) {
        host = h;
        hostSource = where;
      } else if (!sameHost(host, h)) {
        throw new InvalidInputException(where + " (" + f.structure().formula() + ") has another "
            + "host than " + hostSource + ": per " + ab[0] + "+" + ab[1] + " site " + h
            + " vs " + host + "; a hull compares structures of one chemistry");
      }
      String id = f.info().getOrDefault("id", sources.get(i) + "#" + numbers.get(i));
      entries.add(new HullEntry(sources.get(i), numbers.get(i), id, f.structure().formula(),
          na + nb, na / (double) (na + nb), f.energy()));
    }
    return new HullData(ab[0], ab[1], entries);
  }

  private static boolean sameHost(Map<String, Double> a, Map<String, Double> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, Double> e : a.entrySet()) {
      if (Math.abs(e.getValue() - b.get(e.getKey())) > 1e-12) {
        return false;
      }
    }
    return true;
  }

  private static String[] parseMixing(String mixing, List<Frame> frames) {
    String[] p = mixing.trim().split("\\s*,\\s*");
    if (p.length != 2 || p[0].isEmpty() || p[1].isEmpty() || p[0].equals(p[1])) {
      throw new InvalidInputException("mixing species '" + mixing + "': expected two species "
          + "as A,B (x = fraction of A)");
    }
    TreeSet<String> present = new TreeSet<>();
    for (Frame f : frames) {
      present.addAll(f.structure().speciesCounts().keySet());
    }
    for (String s : p) {
      if (!present.contains(s)) {
        throw new InvalidInputException("mixing species " + s + " occurs in none of the "
            + frames.size() + " structures (species: " + present + ")");
      }
    }
    return p;
  }

  /** The two species whose fraction of the atoms differs between structures. */
  private static String[] infer(List<Frame> frames) {
    TreeSet<String> all = new TreeSet<>();
    for (Frame f : frames) {
      all.addAll(f.structure().speciesCounts().keySet());
    }
    List<String> varying = new ArrayList<>();
    for (String s : all) {
      double first = Double.NaN;
      for (Frame f : frames) {
        double share = f.structure().speciesCounts().getOrDefault(s, 0)
            / (double) f.structure().size();
        if (Double.isNaN(first)) {
          first = share;
        } else if (Math.abs(share - first) > 1e-12) {
          varying.add(s);
          break;
        }
      }
    }
    if (varying.size() != 2) {
      throw new InvalidInputException("cannot tell the two mixing species: " + varying.size()
          + " species vary in proportion between the " + frames.size() + " structures "
          + varying + "; name them with --species A,B (a binary hull)");
    }
    return varying.toArray(new String[0]);
  }
}
