package org.ordex.sampling;

/**
 * The pseudo-random generator of every sampler: xoshiro256++ (Blackman and Vigna 2019; period
 * 2^256 − 1, passes BigCrush), seeded through SplitMix64. Its whole state is four longs, so a
 * checkpoint stores it exactly. Each replica or chain takes its own stream, derived from the
 * run seed and the stream index. Mutable, not thread-safe: one per thread.
 */
public final class Rng {
  private long s0;
  private long s1;
  private long s2;
  private long s3;

  private Rng(long s0, long s1, long s2, long s3) {
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** Stream number {@code stream} of the run seeded with {@code seed}. */
  public static Rng stream(long seed, long stream) {
    long x = mix(seed) ^ mix(stream + 0x632BE59BD9B4E019L);
    long a = mix(x += 0x9E3779B97F4A7C15L);
    long b = mix(x += 0x9E3779B97F4A7C15L);
    long c = mix(x += 0x9E3779B97F4A7C15L);
    long d = mix(x + 0x9E3779B97F4A7C15L);
    if ((a | b | c | d) == 0) {
      a = 1;
    }
    return new Rng(a, b, c, d);
  }

  /** A generator with a state saved by {@link #state()}. */
  public static Rng ofState(long[] state) {
    if (state.length != 4 || (state[0] | state[1] | state[2] | state[3]) == 0) {
      throw new IllegalArgumentException("a generator state is four longs, not all zero");
    }
    return new Rng(state[0], state[1], state[2], state[3]);
  }

  /** The SplitMix64 finaliser (Stafford's variant 13). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The next 64 random bits. */
  public long nextLong() {
    long result = Long.rotateLeft(s0 + s3, 23) + s0;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform in [0, 1), 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound) without bias (Lemire's multiply-and-reject); bound &gt; 0. */
  public int nextInt(int bound) {
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /** The state, for a checkpoint. */
  public long[] state() {
    return new long[] {s0, s1, s2, s3};
  }
}
