package org.ordex.potentials.ce;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ordex.lattice.InvalidInputException;

/**
 * How to split the training structures for cross-validation: k-fold ({@code kfold:K}, each
 * structure predicted once by the model fitted without its fold), leave-one-out ({@code loo})
 * or shuffle-split ({@code shuffle:S:F}, S random splits with a fraction F held out). Splits
 * are drawn from a seeded generator, so the same seed gives the same splits. Immutable.
 */
public final class CrossValidation {
  private enum Kind { KFOLD, LOO, SHUFFLE }

  private final Kind kind;
  private final int count;
  private final double fraction;

  private CrossValidation(Kind kind, int count, double fraction) {
    this.kind = kind;
    this.count = count;
    this.fraction = fraction;
  }

  public static CrossValidation kFold(int k) {
    if (k < 2) {
      throw new InvalidInputException("k-fold cross-validation needs k ≥ 2, got " + k);
    }
    return new CrossValidation(Kind.KFOLD, k, 0);
  }

  public static CrossValidation leaveOneOut() {
    return new CrossValidation(Kind.LOO, 0, 0);
  }

  public static CrossValidation shuffleSplit(int splits, double testFraction) {
    if (splits < 1 || !(testFraction > 0 && testFraction < 1)) {
      throw new InvalidInputException("shuffle-split needs ≥ 1 splits and a test fraction in "
          + "(0, 1), got " + splits + " and " + testFraction);
    }
    return new CrossValidation(Kind.SHUFFLE, splits, testFraction);
  }

  /** Parses {@code kfold:K}, {@code kfold} (K = 10), {@code loo}, {@code shuffle:S:F}. */
  public static CrossValidation parse(String spec) {
    String[] p = spec.trim().toLowerCase(Locale.ROOT).split(":");
    try {
      switch (p[0]) {
        case "kfold" -> {
          if (p.length <= 2) {
            return kFold(p.length == 1 ? 10 : Integer.parseInt(p[1]));
          }
        }
        case "loo" -> {
          if (p.length == 1) {
            return leaveOneOut();
          }
        }
        case "shuffle" -> {
          if (p.length == 3) {
            return shuffleSplit(Integer.parseInt(p[1]), Double.parseDouble(p[2]));
          }
        }
        default -> { }
      }
    } catch (NumberFormatException e) {
      // the message below says what is expected
    }
    throw new InvalidInputException("cross-validation '" + spec + "': expected kfold:K, loo "
        + "or shuffle:SPLITS:TEST_FRACTION (e.g. kfold:10, shuffle:20:0.25)");
  }

  /** The (train, test) index arrays of every split of n structures. */
  public List<int[][]> splits(int n, long seed) {
    List<int[][]> out = new ArrayList<>();
    Random random = new Random(seed);
    switch (kind) {
      case KFOLD -> {
        if (n < count) {
          throw new InvalidInputException(count + "-fold cross-validation needs at least "
              + count + " structures, got " + n + " (use fewer folds or loo)");
        }
        int[] order = permutation(n, random);
        for (int f = 0; f < count; f++) {
          IntArrayList train = new IntArrayList();
          IntArrayList test = new IntArrayList();
          for (int i = 0; i < n; i++) {
            (i % count == f ? test : train).add(order[i]);
          }
          out.add(new int[][] {toArray(train), toArray(test)});
        }
      }
      case LOO -> {
        if (n < 2) {
          throw new InvalidInputException("leave-one-out needs at least 2 structures");
        }
        for (int t = 0; t < n; t++) {
          int[] train = new int[n - 1];
          for (int i = 0, j = 0; i < n; i++) {
            if (i != t) {
              train[j++] = i;
            }
          }
          out.add(new int[][] {train, {t}});
        }
      }
      case SHUFFLE -> {
        int tests = (int) Math.round(fraction * n);
        if (tests < 1 || tests > n - 1) {
          throw new InvalidInputException("shuffle-split of " + n + " structures with a test "
              + "fraction " + fraction + " leaves no test or no training structure");
        }
        for (int s = 0; s < count; s++) {
          int[] order = permutation(n, random);
          int[] test = java.util.Arrays.copyOf(order, tests);
          int[] train = java.util.Arrays.copyOfRange(order, tests, n);
          java.util.Arrays.sort(test);
          java.util.Arrays.sort(train);
          out.add(new int[][] {train, test});
        }
      }
      default -> throw new IllegalStateException();
    }
    return out;
  }

  private static int[] permutation(int n, Random random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static int[] toArray(IntArrayList list) {
    int[] a = list.toIntArray();
    java.util.Arrays.sort(a);
    return a;
  }

  /** E.g. {@code kfold:10}, {@code loo}, {@code shuffle:20:0.25}. */
  public String describe() {
    return switch (kind) {
      case KFOLD -> "kfold:" + count;
      case LOO -> "loo";
      case SHUFFLE -> "shuffle:" + count + ":" + fraction;
    };
  }
}
