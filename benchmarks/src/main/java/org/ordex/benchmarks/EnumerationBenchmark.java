package org.ordex.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ordex.enumeration.ArrangementSpace;
import org.ordex.enumeration.ChunkPlan;
import org.ordex.enumeration.ChunkResult;
import org.ordex.enumeration.DensityOfStates;
import org.ordex.enumeration.DistinctArrangements;
import org.ordex.enumeration.Enumerator;
import org.ordex.lattice.Composition;
import org.ordex.lattice.MlipTypes;
import org.ordex.lattice.ParentLattice;
import org.ordex.lattice.Prototype;
import org.ordex.lattice.SpaceGroup;
import org.ordex.lattice.Supercell;
import org.ordex.potentials.ce.ClusterExpansion;
import org.ordex.potentials.ce.ClusterSpace;
import org.ordex.potentials.mtp.MtpEnergyModel;
import org.ordex.potentials.mtp.MtpPotential;

/**
 * Exact enumeration of Co/Mn on the 24 cation sites of the 56-atom spinel cell, one thread.
 * {@code fullCe}: one chunk of 2^20 arrangements at Co12Mn12 in full mode, scored in
 * revolving-door order by incremental swaps of a pairs (≤ 6 Å) + triplets (≤ 4 Å) cluster
 * expansion with random ECIs, into the density of states and the 10 lowest; the score is
 * arrangements per second. {@code distinctMtp16}: the 853 symmetry-distinct arrangements of
 * Co6Mn18 (134 596 arrangements) scored by a level-16 MTP with random coefficients
 * (one operation = all 853). {@code distinctScan}: listing the 14 876 orbit representatives
 * at Co12Mn12 with multiplicities, without scoring (one operation = the whole scan).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnumerationBenchmark {
  private static final int CHUNK = 1 << 20;

  private Enumerator fullCe;
  private ChunkPlan.Chunk halfChunk;
  private Enumerator distinctMtp;
  private ChunkPlan.Chunk co6;
  private DistinctArrangements halfOrbits;

  @Setup
  public void setUp() {
    Prototype.LabelledCell c = Prototype.SPINEL.build(Map.of("a", 8.0835, "u", 0.264), false);
    ParentLattice parent = ParentLattice.of(c.structure(), c.labels(), Map.of("8a",
        List.of("Co", "Mn"), "16d", List.of("Co", "Mn"), "32e", List.of("O")),
        SpaceGroup.DEFAULT_TOLERANCE);
    Supercell cell = Supercell.diagonal(parent, 1, 1, 1);
    ClusterSpace space = ClusterSpace.of(parent, 6.0, 4.0);
    Random r = new Random(1);
    double[] ecis = new double[space.size()];
    for (int i = 0; i < ecis.length; i++) {
      ecis[i] = 0.05 * r.nextGaussian();
    }
    double w = DensityOfStates.binWidthFor(100);
    ArrangementSpace half = ArrangementSpace.of(Composition.parse("Co=12", cell));
    ChunkPlan plan = ChunkPlan.of(List.of(half), CHUNK);
    fullCe = Enumerator.of(plan, ClusterExpansion.of(space, ecis).bind(cell), false, w, 10);
    halfChunk = plan.chunks().get(0);
    halfOrbits = DistinctArrangements.of(half);

    MtpPotential level16 = MtpSwapBenchmark.random(MtpPotential.read(
        MtpSwapBenchmark.data("B_PdAg_level20_repuls/pot.mtp")).templateOfLevel(16), 16);
    ChunkPlan six = ChunkPlan.of(List.of(ArrangementSpace.of(Composition.parse("Co=6", cell))),
        ChunkPlan.DISTINCT_CHUNK);
    distinctMtp = Enumerator.of(six, MtpEnergyModel.of(level16, MlipTypes.parse("Co,Mn,O"))
        .bind(cell), true, w, 10);
    co6 = six.chunks().get(0);
  }

  /** Full mode with a pairs + triplets cluster expansion; score = arrangements/s. */
  @Benchmark
  @OperationsPerInvocation(CHUNK)
  public ChunkResult fullCe() {
    return fullCe.score(halfChunk);
  }

  /** Distinct mode with a level-16 MTP; one operation = the 853 arrangements of Co6Mn18. */
  @Benchmark
  public ChunkResult distinctMtp16() {
    return distinctMtp.score(co6);
  }

  /** The orbit scan alone at Co12Mn12; one operation = all 14 876 representatives. */
  @Benchmark
  public long distinctScan() {
    long[] sum = new long[1];
    halfOrbits.forEach((rank, occ, mult) -> sum[0] += mult);
    return sum[0];
  }
}
