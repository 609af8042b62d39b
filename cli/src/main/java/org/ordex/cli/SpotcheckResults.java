package org.ordex.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ordex.analysis.spotcheck.ArrangementMapper;
import org.ordex.analysis.spotcheck.Manifest;
import org.ordex.cli.RunRecord.State;
import org.ordex.lattice.DftOutputs;
import org.ordex.lattice.DftResult;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Structure;

/**
 * The DFT results of a spot-check folder matched back to its manifest: per entry the
 * arrangement as selected ({@code DIR/structures.extxyz}), the structure as computed, and
 * either the result or the reason it is missing (the run failed, the output has no final
 * energy, the folder is missing, the computed structure no longer maps onto the selected
 * arrangement). Nothing is dropped silently.
 */
final class SpotcheckResults {
  /** One manifest entry with its result, or the reason there is none. */
  record Outcome(Manifest.Entry entry, Frame selected, DftResult result, Structure computed,
      String failure) {
    boolean ok() {
      return failure == null;
    }
  }

  private SpotcheckResults() {}

  /**
   * Reads every entry's output ({@code resultName}, or the first known output name;
   * {@code types} names MLIP .cfg types, may be null); with a parent lattice the computed structure must map onto the selected arrangement.
   */
  static List<Outcome> read(Path dir, String resultName, MlipTypes types,
      ParentLattice parent) {
    Path manifestFile = dir.resolve(Manifest.FILE_NAME);
    Manifest manifest = Manifest.read(manifestFile);
    Map<String, Frame> selected = new HashMap<>();
    Path structures = dir.resolve("structures.extxyz");
    if (Files.isRegularFile(structures)) {
      for (Frame f : Extxyz.read(structures)) {
        selected.put(f.info().getOrDefault("id", ""), f);
      }
    }
    ArrangementMapper mapper = parent == null ? null
        : new ArrangementMapper(parent, null, Double.NaN);
    List<Outcome> out = new ArrayList<>();
    for (Manifest.Entry e : manifest.entries()) {
      out.add(one(dir, e, selected.get(e.id()), resultName, types, mapper));
    }
    return out;
  }

  private static Outcome one(Path dir, Manifest.Entry e, Frame selected, String resultName,
      MlipTypes types, ArrangementMapper mapper) {
    Path folder = dir.resolve(e.folder());
    if (!Files.isDirectory(folder)) {
      return new Outcome(e, selected, null, null, "folder " + folder + " is missing");
    }
    RunRecord record = RunRecord.read(folder);
    if (record != null && record.state() == State.FAILED) {
      return new Outcome(e, selected, null, null, "the calculation failed: "
          + record.reason());
    }
    if (record != null && record.state() == State.RUNNING) {
      return new Outcome(e, selected, null, null, "the calculation has not finished (still "
          + "running, or its runner was stopped)");
    }
    DftResult r;
    try {
      r = DftOutputs.readFolder(folder, resultName, types);
    } catch (InvalidInputException ex) {
      return new Outcome(e, selected, null, null, ex.getMessage());
    }
    Structure computed = r.structure();
    if (computed == null && Files.isRegularFile(folder.resolve("structure.extxyz"))) {
      computed = Extxyz.read(folder.resolve("structure.extxyz")).get(0).structure();
    }
    if (computed == null && selected != null) {
      computed = selected.structure();
    }
    if (computed == null) {
      return new Outcome(e, selected, r, null, "no structure: neither the output, the folder's "
          + "structure.extxyz nor structures.extxyz has one");
    }
    if (computed.size() != e.atoms() && e.atoms() > 0) {
      return new Outcome(e, selected, r, computed, "the output has " + computed.size()
          + " atoms, the manifest entry " + e.atoms());
    }
    if (mapper != null && selected != null) {
      try {
        String want = mapper.map(selected.structure(), e.id() + " (selected)").key();
        String got = mapper.map(computed, e.id() + " (computed)").key();
        if (!want.equals(got)) {
          return new Outcome(e, selected, r, computed, "the computed structure maps onto "
              + "another arrangement than the one selected");
        }
      } catch (InvalidInputException ex) {
        return new Outcome(e, selected, r, computed, ex.getMessage());
      }
    }
    return new Outcome(e, selected, r, computed, null);
  }
}
