package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.StructureMapper;
import org.ordex.lattice.SystemSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex map}: structures (relaxed, strained) mapped onto the ideal lattice of the
 * system's parent: the ideal supercell with their species, their energies and info kept.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
    description = "Map structures onto the ideal sites of the system's parent lattice (the "
        + "supercell that fits each cell, every atom to the nearest site of its sublattice, "
        + "as ce fit does) and write the ideal structures with the same species, energies "
        + "and info, plus source, max_displacement, volume_strain and shear_strain: e.g. "
        + "training data for an on-lattice model whose geometry is the ideal lattice.")
final class MapCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SYSTEM", description = "system file (YAML)")
  Path system;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "STRUCTURES",
      description = "extxyz, POSCAR or MLIP .cfg (with --species)")
  List<Path> structures;

  @Mixin
  MappingOptions mapping;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.extxyz", required = true,
      description = "extxyz file of the ideal structures")
  Path output;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    SystemSpec s = Systems.load(system, null);
    StructureMapper mapper = StructureMapper.of(s.parent(),
        mapping.maxDisplacement == null ? Double.NaN : mapping.maxDisplacement);
    MlipTypes types = mapping.species == null ? null : MlipTypes.parse(mapping.species);
    List<Frame> ideal = new ArrayList<>();
    double[] largest = new double[3];
    for (Path file : structures) {
      List<Frame> frames = FrameFiles.frames(file, types);
      for (int i = 0; i < frames.size(); i++) {
        Frame f = frames.get(i);
        String name = frames.size() == 1 ? file.toString() : file + "#" + (i + 1);
        StructureMapper.Mapping m = mapper.map(f.structure(), name);
        Map<String, String> info = new LinkedHashMap<>(f.info());
        info.put("source", name);
        info.put("max_displacement", String.format(Locale.ROOT, "%.6f", m.maxDisplacement()));
        info.put("volume_strain", String.format(Locale.ROOT, "%.6f", m.volumeStrain()));
        info.put("shear_strain", String.format(Locale.ROOT, "%.6f", m.shearStrain()));
        ideal.add(new Frame(m.configuration().toStructure(), f.energy(), null, null, info));
        largest[0] = Math.max(largest[0], m.maxDisplacement());
        largest[1] = Math.max(largest[1], Math.abs(m.volumeStrain()));
        largest[2] = Math.max(largest[2], m.shearStrain());
      }
    }
    if (ideal.isEmpty()) {
      throw new InvalidInputException("STRUCTURES: no structures in " + structures);
    }
    Extxyz.write(output, ideal);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      root.put("system", s.name());
      root.put("structures", ideal.size());
      root.put("maxDisplacement", largest[0]);
      root.put("maxVolumeStrain", largest[1]);
      root.put("maxShearStrain", largest[2]);
      root.put("output", output.toString());
      out.println(Json.write(root));
    } else {
      out.printf(Locale.ROOT, "mapped %d structures onto %s: largest displacement %.3f Å, "
          + "volume strain %.2f %%, shear strain %.2f %%; wrote %s%n", ideal.size(), s.name(),
          largest[0], 100 * largest[1], 100 * largest[2], output);
    }
    return 0;
  }
}
