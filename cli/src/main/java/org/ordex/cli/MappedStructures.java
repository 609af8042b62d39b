package org.ordex.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordex.lattice.Configuration;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.StructureFiles;
import org.ordex.lattice.StructureMapper;

/**
 * Structure files (with energies when they have them) read and mapped onto a parent lattice,
 * for {@code ce fit} and {@code ce predict}: the configurations, their energies and names, and
 * the largest displacement and cell strain met.
 */
final class MappedStructures {
  final List<String> names = new ArrayList<>();
  final List<Configuration> configurations = new ArrayList<>();
  final List<StructureMapper.Mapping> mappings = new ArrayList<>();
  final List<Double> energies = new ArrayList<>();

  /** Reads and maps every structure of the files ({@code species} names MLIP .cfg types). */
  static MappedStructures read(List<Path> files, ParentLattice parent, String species,
      Double maxDisplacement) {
    MlipTypes types = species == null ? null : MlipTypes.parse(species);
    StructureMapper mapper = StructureMapper.of(parent,
        maxDisplacement == null ? Double.NaN : maxDisplacement);
    MappedStructures out = new MappedStructures();
    for (Path file : files) {
      for (StructureFiles.Entry e : StructureFiles.read(file, types)) {
        StructureMapper.Mapping m = mapper.map(e.structure(), e.name());
        out.names.add(e.name());
        out.configurations.add(m.configuration());
        out.mappings.add(m);
        out.energies.add(e.energy());
      }
    }
    return out;
  }

  int size() {
    return names.size();
  }

  /** The energies (eV per structure); every structure must have one. */
  double[] requireEnergies() {
    double[] e = new double[size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = energies.get(i);
      if (Double.isNaN(e[i])) {
        throw new InvalidInputException(names.get(i) + ": no energy (give it as energy= in "
            + "extxyz, in a vasprun.xml or .cfg, or list the file in an energy table)");
      }
    }
    return e;
  }

  /** The largest displacement and strains over all structures. */
  Map<String, Object> mappingSummary() {
    double disp = 0;
    double volume = 0;
    double shear = 0;
    for (StructureMapper.Mapping m : mappings) {
      disp = Math.max(disp, m.maxDisplacement());
      volume = Math.max(volume, Math.abs(m.volumeStrain()));
      shear = Math.max(shear, m.shearStrain());
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("structures", size());
    s.put("maxDisplacement", disp);
    s.put("maxVolumeStrain", volume);
    s.put("maxShearStrain", shear);
    return s;
  }
}
