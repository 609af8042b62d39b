package org.ordex.lattice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The results of a VASP run read from its {@code vasprun.xml} (streamed, so large files with
 * densities of states are fine): the structure, energies, forces and stress of the last ionic
 * step, and the magnetisation. Energies: {@link #energy()} is the energy extrapolated to zero
 * smearing ({@code e_0_energy}, corrected from the last electronic step as pymatgen does, since
 * some VASP versions write a wrong value at the end of a step), {@link #freeEnergy()} the free
 * energy TOTEN ({@code e_fr_energy}). Stress as written (kBar, positive under compression) and
 * as a virial in eV (stress × volume, the MLIP PlusStress convention). Magnetisation of a
 * collinear spin-polarised run: the total (μB per cell, from the band occupations of both spin
 * channels and the k-point weights) and, when projections were written (LORBIT ≥ 10), per atom
 * (occupation-weighted projections, as OUTCAR's magnetization table). A run that did not
 * finish its last ionic step, or that has none, is refused. Immutable.
 */
public final class Vasprun {
  /** kBar × Å³ in eV: 0.1 GPa / (160.21766208 GPa per eV/Å³). */
  static final double KBAR_A3_IN_EV = 0.1 / 160.21766208;

  private final Structure structure;
  private final double energy;
  private final double freeEnergy;
  private final double[][] forces;
  private final double[][] stress;
  private final double magnetisation;
  private final double[] moments;
  private final int ionicSteps;

  private Vasprun(Structure structure, double energy, double freeEnergy, double[][] forces,
      double[][] stress, double magnetisation, double[] moments, int ionicSteps) {
    this.structure = structure;
    this.energy = energy;
    this.freeEnergy = freeEnergy;
    this.forces = forces;
    this.stress = stress;
    this.magnetisation = magnetisation;
    this.moments = moments;
    this.ionicSteps = ionicSteps;
  }

  /** Reads a vasprun.xml file; malformed or unfinished files are bad input. */
  public static Vasprun read(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return new Parser(path.toString()).parse(in);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(path + ": no such file");
    } catch (IOException e) {
      throw new InvalidInputException(path + ": cannot read (" + e.getMessage() + ")");
    }
  }

  /** The structure of the last ionic step. */
  public Structure structure() {
    return structure;
  }

  /** Energy (eV per cell) extrapolated to zero smearing, of the last ionic step. */
  public double energy() {
    return energy;
  }

  /** Free energy TOTEN (eV per cell) of the last ionic step. */
  public double freeEnergy() {
    return freeEnergy;
  }

  /** Forces (eV/Å) per atom of the last ionic step (copy), or null when not written. */
  public double[][] forces() {
    return copy(forces);
  }

  /** Stress tensor (kBar, as VASP writes it: positive under compression; copy), or null. */
  public double[][] stress() {
    return copy(stress);
  }

  /** Virial (eV, Voigt order xx yy zz yz xz xy) = stress × cell volume, or null. */
  public double[] virial() {
    if (stress == null) {
      return null;
    }
    double f = KBAR_A3_IN_EV * Math.abs(structure.lattice().volume());
    return new double[] {stress[0][0] * f, stress[1][1] * f, stress[2][2] * f,
        0.5 * (stress[1][2] + stress[2][1]) * f, 0.5 * (stress[0][2] + stress[2][0]) * f,
        0.5 * (stress[0][1] + stress[1][0]) * f};
  }

  /** Total magnetisation (μB per cell); NaN unless the run is collinear spin-polarised. */
  public double magnetisation() {
    return magnetisation;
  }

  /** Magnetic moment per atom (μB; copy), or null when no projections were written. */
  public double[] magneticMoments() {
    return moments == null ? null : moments.clone();
  }

  /** Number of completed ionic steps. */
  public int ionicSteps() {
    return ionicSteps;
  }

  /**
   * The last step as a frame: structure, {@link #energy()}, forces, virial; info keys
   * {@code free_energy} and, when known, {@code magnetisation}.
   */
  public Frame toFrame() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("free_energy", Double.toString(freeEnergy));
    if (!Double.isNaN(magnetisation)) {
      info.put("magnetisation", Double.toString(magnetisation));
    }
    return new Frame(structure, energy, forces(), virial(), info);
  }

  private static double[][] copy(double[][] m) {
    if (m == null) {
      return null;
    }
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  /** Streaming parser: keeps the element path and collects what it needs on the way. */
  private static final class Parser {
    private final String name;
    private final List<String> path = new ArrayList<>();
    private final List<String> attr = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private XMLStreamReader reader;
    private final List<String> elements = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();
    // the ionic step being read
    private List<double[]> basis;
    private List<double[]> positions;
    private List<double[]> forces;
    private List<double[]> stress;
    private double stepFree;
    private double stepZero;
    private double scFree;
    private double scZero;
    // the last completed ionic step
    private Structure structure;
    private double energy;
    private double freeEnergy;
    private double[][] lastForces;
    private double[][] lastStress;
    private int steps;
    // occupations [spin][kpoint][band] of the last step that wrote eigenvalues
    private final List<List<List<Double>>> occupations = new ArrayList<>();
    private double[] moments;
    private int spin;
    private int kpoint;
    private int band;
    private int ion;
    private int column;

    Parser(String name) {
      this.name = name;
    }

    Vasprun parse(InputStream in) {
      XMLInputFactory factory = XMLInputFactory.newInstance();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      try {
        reader = factory.createXMLStreamReader(in);
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            start();
          } else if (event == XMLStreamConstants.CHARACTERS
              || event == XMLStreamConstants.CDATA) {
            text.append(reader.getText());
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            end();
          }
        }
      } catch (XMLStreamException e) {
        if (!path.isEmpty()) {
          throw new InvalidInputException(name + ": incomplete vasprun.xml (it ends inside <"
              + String.join("><", path) + ">): the run did not finish");
        }
        throw new InvalidInputException(name + ": not a readable vasprun.xml ("
            + e.getMessage() + ")");
      }
      if (structure == null) {
        throw new InvalidInputException(name + ": no completed ionic step (no <calculation> "
            + "with its final <energy>)");
      }
      return new Vasprun(structure, energy, freeEnergy, lastForces, lastStress,
          magnetisation(), moments, steps);
    }

    private void start() {
      String tag = reader.getLocalName();
      String key = reader.getAttributeValue(null, "name");
      String comment = reader.getAttributeValue(null, "comment");
      path.add(tag);
      attr.add(key != null ? key : comment);
      text.setLength(0);
      switch (tag) {
        case "calculation" -> {
          basis = new ArrayList<>();
          positions = new ArrayList<>();
          forces = new ArrayList<>();
          stress = new ArrayList<>();
          stepFree = Double.NaN;
          stepZero = Double.NaN;
          scFree = Double.NaN;
          scZero = Double.NaN;
        }
        case "varray" -> {
          if (under("calculation", "structure", "crystal") && "basis".equals(key)) {
            basis.clear();
          } else if (under("calculation", "structure") && "positions".equals(key)) {
            positions.clear();
          }
        }
        case "eigenvalues" -> {
          if (under("calculation")) {
            occupations.clear();
          }
        }
        case "projected" -> {
          if (under("calculation")) {
            moments = null;
          }
        }
        case "set" -> startSet(comment);
        case "r" -> ion++;
        case "rc" -> column = 0;
        default -> { }
      }
    }

    private void startSet(String comment) {
      if (comment == null) {
        return;
      }
      if (comment.startsWith("spin")) {
        spin = index(comment);
        if (under("calculation", "eigenvalues", "array", "set")) {
          occupations.add(new ArrayList<>());
        }
      } else if (comment.startsWith("kpoint")) {
        kpoint = index(comment);
        if (under("calculation", "eigenvalues", "array", "set", "set")) {
          occupations.get(spin - 1).add(new ArrayList<>());
        }
      } else if (comment.startsWith("band")) {
        band = index(comment);
        ion = 0;
      }
    }

    private int index(String comment) {
      try {
        return Integer.parseInt(comment.replaceAll("\\D", ""));
      } catch (NumberFormatException e) {
        throw error("unexpected set comment '" + comment + "'");
      }
    }

    /** Whether the current element's ancestors end with the given tags (innermost last). */
    private boolean under(String... tags) {
      int n = path.size() - 1;
      if (n < tags.length) {
        return false;
      }
      for (int i = 0; i < tags.length; i++) {
        if (!path.get(n - tags.length + i).equals(tags[i])) {
          return false;
        }
      }
      return true;
    }

    private String parentName() {
      return attr.get(attr.size() - 2);
    }

    private void end() {
      String tag = path.get(path.size() - 1);
      String key = attr.get(attr.size() - 1);
      String value = text.toString().trim();
      switch (tag) {
        case "v" -> vector(value);
        case "i" -> {
          if ("e_fr_energy".equals(key) || "e_0_energy".equals(key)) {
            energyItem(key, value);
          }
        }
        case "c" -> {
          if (under("atominfo", "array", "set", "rc") && "atoms".equals(attr.get(attr.size()
              - 4)) && column++ == 0) {
            elements.add(value);
          }
        }
        case "r" -> row(value);
        case "calculation" -> finishStep();
        default -> { }
      }
      path.remove(path.size() - 1);
      attr.remove(attr.size() - 1);
      text.setLength(0);
    }

    private void vector(String value) {
      String array = parentName();
      if (under("calculation", "structure", "crystal", "varray") && "basis".equals(array)) {
        basis.add(numbers(value, 3));
      } else if (under("calculation", "structure", "varray") && "positions".equals(array)) {
        positions.add(numbers(value, 3));
      } else if (under("calculation", "varray") && "forces".equals(array)) {
        forces.add(numbers(value, 3));
      } else if (under("calculation", "varray") && "stress".equals(array)) {
        stress.add(numbers(value, 3));
      } else if (under("kpoints", "varray") && "weights".equals(array)) {
        weights.add(numbers(value, 1)[0]);
      }
    }

    private void energyItem(String key, String value) {
      double x = numbers(value, 1)[0];
      boolean free = key.equals("e_fr_energy");
      if (under("calculation", "energy")) {
        if (free) {
          stepFree = x;
        } else {
          stepZero = x;
        }
      } else if (under("calculation", "scstep", "energy")) {
        if (free) {
          scFree = x;
        } else {
          scZero = x;
        }
      }
    }

    private void row(String value) {
      if (under("calculation", "eigenvalues", "array", "set", "set", "set")) {
        double[] eo = numbers(value, 2);
        List<List<Double>> bySpin = occupations.get(spin - 1);
        bySpin.get(bySpin.size() - 1).add(eo[1]);
      } else if (under("calculation", "projected", "array", "set", "set", "set", "set")
          && occupations.size() == 2) {
        double[] p = numbers(value, 0);
        if (moments == null) {
          moments = new double[elements.size()];
        }
        if (ion > moments.length || spin > 2) {
          return;
        }
        double occ = occupations.get(spin - 1).get(kpoint - 1).get(band - 1);
        double sum = 0;
        for (double x : p) {
          sum += x;
        }
        moments[ion - 1] += (spin == 1 ? 1 : -1) * weight(kpoint) * occ * sum;
      }
    }

    private double weight(int k) {
      if (k > weights.size()) {
        throw error("k-point " + k + " has no weight in <kpoints>");
      }
      return weights.get(k - 1);
    }

    private void finishStep() {
      if (Double.isNaN(stepFree)) {
        return;
      }
      int n = elements.size();
      if (basis.size() != 3 || positions.size() != n) {
        throw error("ionic step " + (steps + 1) + " has " + basis.size() + " lattice vectors "
            + "and " + positions.size() + " positions for " + n + " atoms");
      }
      Lattice lattice = Lattice.of(basis.toArray(new double[0][]));
      structure = Structure.of(lattice, positions.toArray(new double[0][]),
          elements.toArray(new String[0]));
      freeEnergy = stepFree;
      double zero = Double.isNaN(stepZero) ? stepFree : stepZero;
      energy = Double.isNaN(scZero) || Double.isNaN(scFree) ? zero
          : stepFree + (scZero - scFree);
      lastForces = forces.size() == n ? forces.toArray(new double[0][]) : null;
      lastStress = stress.size() == 3 ? stress.toArray(new double[0][]) : null;
      steps++;
    }

    private double magnetisation() {
      if (occupations.size() != 2) {
        return Double.NaN;
      }
      double m = 0;
      for (int s = 0; s < 2; s++) {
        List<List<Double>> byK = occupations.get(s);
        for (int k = 0; k < byK.size(); k++) {
          double sum = 0;
          for (double occ : byK.get(k)) {
            sum += occ;
          }
          m += (s == 0 ? 1 : -1) * weight(k + 1) * sum;
        }
      }
      return m;
    }

    /** The numbers of a text; exactly n of them unless n = 0 (any count). */
    private double[] numbers(String value, int n) {
      String[] t = value.isEmpty() ? new String[0] : value.split("\\s+");
      if (n > 0 && t.length != n) {
        throw error("expected " + n + " numbers, found '" + value + "'");
      }
      double[] x = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        try {
          x[i] = Double.parseDouble(t[i]);
        } catch (NumberFormatException e) {
          throw error("expected a number, found '" + t[i] + "'"
              + (t[i].startsWith("*") ? " (a number too large for VASP's output format)" : ""));
        }
      }
      return x;
    }

    private InvalidInputException error(String what) {
      return InvalidInputException.atLine(name, reader.getLocation().getLineNumber(), what);
    }
  }
}
