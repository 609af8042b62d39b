package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ordex.analysis.spotcheck.Manifest;
import org.ordex.lattice.AtomicFiles;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.KpointMesh;
import org.ordex.lattice.Lattice;
import org.ordex.lattice.MlipCfg;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Poscar;
import org.ordex.lattice.PwInput;
import org.ordex.lattice.SiteAssignment;
import org.ordex.lattice.Structure;
import org.ordex.lattice.VaspInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex spotcheck export}: one calculation folder per structure with the inputs of
 * the chosen DFT codes, plus {@code manifest.json} and {@code structures.extxyz} (the
 * structures as given, to match results back).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write one folder per structure with DFT inputs: structure.extxyz, "
        + "VASP POSCAR+INCAR+KPOINTS, Quantum ESPRESSO pw.in, MLIP structure.cfg; plus "
        + "DIR/manifest.json and DIR/structures.extxyz. Initial moments, U values, k-point "
        + "density and Vegard scaling come from --options.")
final class SpotcheckExportCommand implements Callable<Integer> {
  /** DFT input formats. */
  enum Format { EXTXYZ, VASP, QE, CFG }

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "STRUCTURES",
      description = "structure files (extxyz with many frames, POSCAR, MLIP .cfg); frames "
          + "keep their id= (else FILE-N)")
  List<Path> inputs;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "spot-check folder to create or extend")
  Path dir;

  @Option(names = "--format", split = ",", paramLabel = "F", defaultValue = "extxyz,vasp",
      description = "extxyz, vasp, qe, cfg (comma-separated; default extxyz,vasp)")
  List<String> formats;

  @Option(names = "--options", paramLabel = "FILE",
      description = "DFT options (YAML): magmom, hubbard_u, kpoint_density, vegard, vasp, qe")
  Path optionsFile;

  @Option(names = "--system", paramLabel = "SYSTEM",
      description = "system file: each atom's sublattice for per-sublattice moments")
  Path system;

  @Option(names = "--mlip-types", paramLabel = "A,B,…",
      description = "elements of MLIP types 0,1,… (reading or writing .cfg)")
  String mlipTypes;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    Set<Format> chosen = parseFormats();
    DftOptions options = optionsFile == null ? DftOptions.defaults()
        : DftOptions.read(optionsFile);
    ParentLattice parent = system == null ? null : Systems.load(system, null).parent();
    if (options.needsSublattices() && parent == null) {
      throw new InvalidInputException("--options gives moments per sublattice: --system is "
          + "needed to find each atom's sublattice");
    }
    MlipTypes types = mlipTypes == null ? null : MlipTypes.parse(mlipTypes);
    if (chosen.contains(Format.CFG) && types == null) {
      throw new InvalidInputException("--format cfg needs --mlip-types (e.g. Co,Mn,O)");
    }
    List<Frame> frames = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Path p : inputs) {
      List<Frame> read = FrameFiles.frames(p, types);
      String base = p.getFileName().toString().replaceAll("\\.[^.]*$", "");
      for (int i = 0; i < read.size(); i++) {
        Frame f = read.get(i);
        String id = f.info().getOrDefault("id", read.size() == 1 ? base : base + "-" + (i + 1));
        if (!Manifest.isSafeName(id)) {
          throw new InvalidInputException(p + ": frame " + (i + 1) + " has id '" + id
              + "'; ids name folders: letters, digits, '.', '_', '-' only");
        }
        frames.add(f);
        ids.add(id);
      }
    }
    List<Manifest.Entry> entries = new ArrayList<>();
    List<Frame> originals = new ArrayList<>();
    List<Map<String, String>> contents = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      Frame f = frames.get(i);
      String id = ids.get(i);
      Structure s = f.structure();
      double[] magmom = magmoms(s, options, parent, id);
      Structure computed = vegard(s, options.vegard());
      contents.add(folderFiles(id, new Frame(computed, Double.NaN, null, null, f.info()),
          magmom, options, chosen, types));
      entries.add(entry(id, f));
      Map<String, String> info = new LinkedHashMap<>(f.info());
      info.put("id", id);
      originals.add(new Frame(s, f.energy(), f.forces(), f.virial(), info));
    }
    AtomicFiles.createDirectory(dir);
    for (int i = 0; i < entries.size(); i++) {
      Path folder = AtomicFiles.createDirectory(dir.resolve(entries.get(i).folder()));
      contents.get(i).forEach((name, text) -> AtomicFiles.writeString(folder.resolve(name),
          text));
    }
    Manifest manifest = new Manifest(system == null ? "" : system.toString(), "", entries);
    Extxyz.write(dir.resolve("structures.extxyz"), originals);
    manifest.write(dir.resolve(Manifest.FILE_NAME));
    report(entries, chosen, options);
    return 0;
  }

  private Set<Format> parseFormats() {
    Set<Format> set = EnumSet.noneOf(Format.class);
    for (String f : formats) {
      try {
        set.add(Format.valueOf(f.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("--format: unknown format '" + f + "'; expected "
            + "extxyz, vasp, qe or cfg");
      }
    }
    return set;
  }

  /** Initial moments per atom from the options (by species, and sublattice when known). */
  private static double[] magmoms(Structure s, DftOptions options, ParentLattice parent,
      String id) {
    SiteAssignment sites = null;
    if (parent != null && options.needsSublattices()) {
      try {
        sites = SiteAssignment.of(parent, s, 0.3);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(id + ": " + e.getMessage());
      }
    }
    double[] m = new double[s.size()];
    for (int i = 0; i < m.length; i++) {
      m[i] = options.magmom(s.species(i), sites == null ? null : sites.sublattice(i));
    }
    return m;
  }

  /**
   * The structure with its cell deformed by Vegard's law: the mean of the end members'
   * deformations F over the atoms of the species that have one, applied to every lattice
   * vector (r → F r), fractional coordinates kept (unchanged when no species has one).
   */
  static Structure vegard(Structure s, Map<String, double[][]> deformations) {
    double[][] mean = new double[3][3];
    int count = 0;
    for (int i = 0; i < s.size(); i++) {
      double[][] f = deformations.get(s.species(i));
      if (f != null) {
        for (int r = 0; r < 3; r++) {
          for (int c = 0; c < 3; c++) {
            mean[r][c] += f[r][c];
          }
        }
        count++;
      }
    }
    if (count == 0) {
      return s;
    }
    double[][] m = new double[3][3];
    for (int v = 0; v < 3; v++) {
      double[] row = s.lattice().vector(v);
      for (int r = 0; r < 3; r++) {
        m[v][r] = (mean[r][0] * row[0] + mean[r][1] * row[1] + mean[r][2] * row[2]) / count;
      }
    }
    double[][] f = new double[s.size()][];
    for (int i = 0; i < s.size(); i++) {
      f[i] = s.fractional(i);
    }
    return Structure.of(Lattice.of(m), f, s.species(), s.periodic());
  }

  /** The files of one calculation folder (name → text), all built before any is written. */
  private static Map<String, String> folderFiles(String id, Frame frame, double[] magmom,
      DftOptions options, Set<Format> formats, MlipTypes types) {
    Map<String, String> files = new LinkedHashMap<>();
    Structure s = frame.structure();
    KpointMesh mesh = KpointMesh.fromDensity(s.lattice(), options.kpointDensity());
    if (formats.contains(Format.EXTXYZ)) {
      Map<String, String> info = new LinkedHashMap<>(frame.info());
      info.put("id", id);
      info.put("initial_magmoms", joined(magmom));
      files.put("structure.extxyz", Extxyz.format(new Frame(s, Double.NaN, null, null, info)));
    }
    if (formats.contains(Format.VASP)) {
      files.put("POSCAR", Poscar.format(s, id));
      files.put("INCAR", VaspInput.incar(s, magmom, options.hubbardU(), options.incar()));
      files.put("KPOINTS", VaspInput.kpoints(mesh));
    }
    if (formats.contains(Format.QE)) {
      PwInput.Settings settings = new PwInput.Settings(id, options.pseudopotentials(),
          options.valence(), options.hubbardU(), mesh, options.qeNamelists());
      try {
        files.put("pw.in", PwInput.format(s, magmom, settings));
      } catch (InvalidInputException e) {
        throw new InvalidInputException("--options: " + e.getMessage());
      }
    }
    if (formats.contains(Format.CFG)) {
      files.put("structure.cfg", MlipCfg.of(Frame.of(s), types).withFeature("id", id).format());
    }
    return files;
  }

  private static String joined(double[] v) {
    StringBuilder b = new StringBuilder();
    for (double x : v) {
      b.append(b.length() > 0 ? "," : "").append(x);
    }
    return b.toString();
  }

  /** The manifest entry of a frame; select's reasons/predicted/grade travel in its info. */
  private static Manifest.Entry entry(String id, Frame f) {
    Map<String, String> info = new LinkedHashMap<>(f.info());
    info.remove("id");
    List<String> reasons = info.containsKey("reasons")
        ? Arrays.asList(info.remove("reasons").split(";")) : List.of();
    double predicted = parse(info.remove("predicted"));
    double grade = parse(info.remove("grade"));
    return new Manifest.Entry(id, id, f.structure().formula(), f.structure().size(), reasons,
        predicted, grade, info);
  }

  private static double parse(String s) {
    if (s == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private void report(List<Manifest.Entry> entries, Set<Format> formats, DftOptions options) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      root.put("dir", dir.toString());
      root.put("structures", entries.size());
      ArrayNode f = root.putArray("formats");
      formats.forEach(x -> f.add(x.name().toLowerCase(Locale.ROOT)));
      root.put("kpointDensity", options.kpointDensity());
      ArrayNode ids = root.putArray("ids");
      entries.forEach(e -> ids.add(e.id()));
      out.println(Json.write(root));
      return;
    }
    out.printf("wrote %d calculation folders (%s) to %s, with %s and structures.extxyz%n",
        entries.size(), formats.toString().toLowerCase(Locale.ROOT), dir, Manifest.FILE_NAME);
  }
}
