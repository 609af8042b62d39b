package org.ordex.enumeration;

/** Receives arrangements one by one; the occupation array is reused between calls. */
@FunctionalInterface
public interface ArrangementVisitor {
  /**
   * One arrangement: its rank in its {@link ArrangementSpace}, its species per active site,
   * and how many arrangements it stands for (1, or the size of its symmetry orbit).
   */
  void visit(long rank, byte[] occupation, long multiplicity);
}
