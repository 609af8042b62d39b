package org.ordex.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ordex.lattice.Extxyz;
import org.ordex.lattice.Frame;
import org.ordex.lattice.InvalidInputException;
import org.ordex.lattice.SodConfigurations;
import org.ordex.lattice.Structure;
import org.ordex.lattice.StructureFiles;
import org.ordex.lattice.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ordex import sod}: the configurations of an SOD list as structures of its reference
 * cell (extxyz, with SOD's index and degeneracy), and energies from a table where given.
 */
@Command(name = "sod", mixinStandardHelpOptions = true,
    description = "Write the configurations of an SOD (Site Occupancy Disorder) list "
        + "(INDEX DEGENERACY SITE… per line, OUTSOD style) as extxyz frames of the reference "
        + "cell: the numbered sites listed get the substituted species, the other numbered "
        + "sites the host species. Info line: id=sod-INDEX, sod_index, multiplicity "
        + "(= SOD's degeneracy), and with --energies the energy (eV per cell) and the table "
        + "row's first field as label.")
final class ImportSodCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REFERENCE",
      description = "the cell SOD enumerated (POSCAR, extxyz with one frame, …)")
  Path reference;

  @Parameters(index = "1", paramLabel = "CONFIGURATIONS",
      description = "SOD's list: INDEX DEGENERACY SITE… per line (sites 1-based)")
  Path configurations;

  @Option(names = "--sites", paramLabel = "SPECIES,…", required = true, split = ",",
      description = "the species of REFERENCE whose atoms SOD numbers 1, 2, … in file order")
  List<String> sites;

  @Option(names = "--substitute", paramLabel = "SPECIES", required = true,
      description = "the species placed on the listed sites")
  String substitute;

  @Option(names = "--host", paramLabel = "SPECIES", required = true,
      description = "the species placed on the other numbered sites")
  String host;

  @Option(names = "--energies", paramLabel = "TABLE",
      description = "energies (eV per cell), one row per configuration that has one; comma "
          + "or white-space separated, # comments, a header line is skipped")
  Path energies;

  @Option(names = "--energy-column", paramLabel = "K", defaultValue = "1",
      description = "the column of the energy in TABLE, 1-based (default ${DEFAULT-VALUE})")
  int energyColumn;

  @Option(names = "--rows", paramLabel = "FILE",
      description = "for each row of TABLE, the 0-based position of its configuration in "
          + "CONFIGURATIONS, one per line (default: row i is configuration i)")
  Path rows;

  @Option(names = "--only-with-energies",
      description = "write only the configurations that have an energy")
  boolean onlyWithEnergies;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.extxyz", required = true,
      description = "extxyz file to write")
  Path output;

  @Option(names = "--json", description = "print one JSON document instead of text")
  boolean json;

  @Override
  public Integer call() {
    if (onlyWithEnergies && energies == null) {
      throw new InvalidInputException("--only-with-energies needs --energies");
    }
    List<StructureFiles.Entry> ref = StructureFiles.read(reference, null);
    if (ref.size() != 1) {
      throw new InvalidInputException(reference + ": " + ref.size() + " structures; expected "
          + "the one cell SOD enumerated");
    }
    Structure cell = ref.get(0).structure();
    int[] numbered = numberedAtoms(cell);
    List<SodConfigurations.Entry> list = SodConfigurations.read(configurations,
        numbered.length);
    double[] energy = new double[list.size()];
    String[] label = new String[list.size()];
    Arrays.fill(energy, Double.NaN);
    if (energies != null) {
      readEnergies(list.size(), energy, label);
    }
    List<Frame> frames = new ArrayList<>();
    long degeneracies = 0;
    int withEnergy = 0;
    for (int c = 0; c < list.size(); c++) {
      SodConfigurations.Entry e = list.get(c);
      degeneracies += e.degeneracy();
      if (!Double.isNaN(energy[c])) {
        withEnergy++;
      } else if (onlyWithEnergies) {
        continue;
      }
      String[] species = cell.species();
      for (int atom : numbered) {
        species[atom] = host;
      }
      for (int site : e.sites()) {
        species[numbered[site]] = substitute;
      }
      Map<String, String> info = new LinkedHashMap<>();
      info.put("id", "sod-" + e.index());
      info.put("sod_index", Integer.toString(e.index()));
      info.put("multiplicity", Long.toString(e.degeneracy()));
      if (label[c] != null) {
        info.put("label", label[c]);
      }
      frames.add(new Frame(cell.withSpecies(species), energy[c], null, null, info));
    }
    Extxyz.write(output, frames);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.object();
      root.put("reference", reference.toString());
      root.put("numberedSites", numbered.length);
      root.put("substitutedSites", list.get(0).sites().length);
      root.put("configurations", list.size());
      root.put("degeneracySum", degeneracies);
      root.put("withEnergy", withEnergy);
      root.put("written", frames.size());
      root.put("output", output.toString());
      root.put("energies", "eV per cell of REFERENCE (" + cell.size() + " atoms)");
      out.println(Json.write(root));
    } else {
      out.printf(Locale.ROOT, "%d configurations of %d %s on %d numbered sites (degeneracies "
          + "sum to %d); %d with an energy%n", list.size(), list.get(0).sites().length,
          substitute, numbered.length, degeneracies, withEnergy);
      out.printf("wrote %d frames to %s%n", frames.size(), output);
    }
    return 0;
  }

  /** The atoms SOD numbers: those of the --sites species, in file order. */
  private int[] numberedAtoms(Structure cell) {
    List<Integer> atoms = new ArrayList<>();
    for (int i = 0; i < cell.size(); i++) {
      if (sites.contains(cell.species(i))) {
        atoms.add(i);
      }
    }
    if (atoms.isEmpty()) {
      throw new InvalidInputException("--sites " + String.join(",", sites) + ": no such atoms "
          + "in " + reference + " (species: " + cell.speciesOrder() + ")");
    }
    return atoms.stream().mapToInt(Integer::intValue).toArray();
  }

  private void readEnergies(int count, double[] energy, String[] label) {
    if (energyColumn < 1) {
      throw new InvalidInputException("--energy-column " + energyColumn + ": expected ≥ 1");
    }
    List<String[]> table = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    Text.Lines in = new Text.Lines(Text.read(energies), energies.toString());
    boolean first = true;
    while (in.hasNext()) {
      String[] t = Text.tableFields(in.next());
      if (t.length == 0) {
        continue;
      }
      if (t.length < energyColumn) {
        throw in.error(t.length + " fields; --energy-column is " + energyColumn);
      }
      boolean header = first && !Text.isNumber(t[energyColumn - 1]);
      first = false;
      if (header) {
        continue;
      }
      in.number(t[energyColumn - 1]);
      table.add(t);
      lines.add(in.lineNumber());
    }
    int[] target = configurationOfRow(table.size(), count);
    for (int r = 0; r < table.size(); r++) {
      int c = target[r];
      if (!Double.isNaN(energy[c])) {
        throw InvalidInputException.atLine(energies.toString(), lines.get(r),
            "a second energy for configuration " + (c + 1) + " of " + configurations);
      }
      energy[c] = Double.parseDouble(table.get(r)[energyColumn - 1]);
      label[c] = energyColumn == 1 ? null : table.get(r)[0];
    }
  }

  private int[] configurationOfRow(int rowCount, int count) {
    int[] target = new int[rowCount];
    if (rows == null) {
      if (rowCount > count) {
        throw new InvalidInputException("--energies " + energies + ": " + rowCount + " rows "
            + "for " + count + " configurations (give --rows to say which row is which)");
      }
      Arrays.setAll(target, r -> r);
      return target;
    }
    Text.Lines in = new Text.Lines(Text.read(rows), rows.toString());
    int r = 0;
    while (in.hasNext()) {
      String line = in.next().trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int c = in.integer(line);
      if (c < 0 || c >= count) {
        throw in.error("configuration " + c + " is not in 0…" + (count - 1));
      }
      if (r == rowCount) {
        throw in.error("more lines than the " + rowCount + " rows of " + energies);
      }
      target[r++] = c;
    }
    if (r != rowCount) {
      throw new InvalidInputException(rows + ": " + r + " lines for the " + rowCount
          + " rows of " + energies);
    }
    return target;
  }
}
