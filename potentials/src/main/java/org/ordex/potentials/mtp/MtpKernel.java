package org.ordex.potentials.mtp;

/**
 * The numerics of one MTP site energy, shared by the off-lattice calculator, the on-lattice
 * model and the extrapolation grade: the scaled Chebyshev radial basis, the basic moments
 * Σ_j f_μ(r_j) x^a y^b z^c / r^(a+b+c) of a neighbourhood, their products (the contraction
 * {@code alpha_index_times}), the site energy as a linear function of the species and moment
 * coefficients, and the back-propagation of dE/d(moment) to forces and to the radial
 * coefficients. Arithmetic follows MLIP-2's order so that results agree with {@code mlp}
 * to round-off. Immutable; scratch space lives in {@link Scratch} (one per thread).
 */
final class MtpKernel {
  final int species;
  final int radialFuncs;
  final int basisSize;
  final int basicCount;
  final int momentCount;
  final int scalarCount;
  final double minDist;
  final double maxDist;
  final double scaling;
  final boolean repulsive;
  final int maxPower;
  /** Basic moment i: radial function mu[i], powers px[i], py[i], pz[i], total pk[i]. */
  final int[] mu;
  final int[] px;
  final int[] py;
  final int[] pz;
  final int[] pk;
  /** Product t: m[target[t]] += mult[t]·m[left[t]]·m[right[t]]. */
  final int[] left;
  final int[] right;
  final double[] mult;
  final int[] target;
  final int[] mapping;
  /** Radial coefficients ((tc·C + tn)·K + μ)·R + ξ; null for a template. */
  final double[] radialCoeffs;
  final double[] speciesCoeffs;
  final double[] momentCoeffs;

  MtpKernel(MtpPotential p) {
    this(p, p.isTrained() ? p.radialCoeffs() : null, p.isTrained() ? p.speciesCoeffs() : null,
        p.isTrained() ? p.momentCoeffs() : null);
  }

  /**
   * A kernel of the basis of {@code p} with other coefficients (radial in MLIP's order; the
   * linear ones may be null when only moments are needed).
   */
  MtpKernel(MtpPotential p, double[] radial, double[] speciesC, double[] moments) {
    species = p.speciesCount();
    radialFuncs = p.radialFuncsCount();
    basisSize = p.radialBasisSize();
    momentCount = p.alphaMomentsCount();
    minDist = p.minDist();
    maxDist = p.maxDist();
    scaling = p.scaling();
    repulsive = p.radialBasis() == MtpPotential.RadialBasis.CHEBYSHEV_REPULSIVE;
    int[][] basic = p.alphaIndexBasic();
    basicCount = basic.length;
    mu = new int[basicCount];
    px = new int[basicCount];
    py = new int[basicCount];
    pz = new int[basicCount];
    pk = new int[basicCount];
    int maxP = 0;
    for (int i = 0; i < basicCount; i++) {
      mu[i] = basic[i][0];
      px[i] = basic[i][1];
      py[i] = basic[i][2];
      pz[i] = basic[i][3];
      pk[i] = px[i] + py[i] + pz[i];
      maxP = Math.max(maxP, pk[i]);
    }
    maxPower = maxP;
    int[][] times = p.alphaIndexTimes();
    left = new int[times.length];
    right = new int[times.length];
    mult = new double[times.length];
    target = new int[times.length];
    for (int t = 0; t < times.length; t++) {
      left[t] = times[t][0];
      right[t] = times[t][1];
      mult[t] = times[t][2];
      target[t] = times[t][3];
    }
    mapping = p.alphaMomentMapping();
    scalarCount = mapping.length;
    radialCoeffs = radial;
    speciesCoeffs = speciesC;
    momentCoeffs = moments;
  }

  /** Number of coefficients: radial C²KR, then species C, then moments (MLIP's order). */
  int coefficientCount() {
    return species * species * radialFuncs * basisSize + species + scalarCount;
  }

  /** Scratch arrays for one thread. */
  static final class Scratch {
    final double[] rb;
    final double[] rbDer;
    final double[] radial;
    final double[] radialDer;
    final double[] rPow;
    final double[] invRPow;
    final double[] xPow;
    final double[] yPow;
    final double[] zPow;
    final double[] moments;
    final double[] dEdm;
    /** Angular part Y_b of every basic moment and its gradient (3 per moment). */
    final double[] ang;
    final double[] angGrad;

    Scratch(MtpKernel k) {
      rb = new double[k.basisSize];
      rbDer = new double[k.basisSize];
      radial = new double[k.radialFuncs];
      radialDer = new double[k.radialFuncs];
      rPow = new double[k.maxPower + 1];
      invRPow = new double[k.maxPower + 1];
      xPow = new double[k.maxPower + 1];
      yPow = new double[k.maxPower + 1];
      zPow = new double[k.maxPower + 1];
      moments = new double[k.momentCount];
      dEdm = new double[k.momentCount];
      ang = new double[k.basicCount];
      angGrad = new double[3 * k.basicCount];

    }
  }

  Scratch scratch() {
    return new Scratch(this);
  }

  /**
   * The scaled radial basis at r into s.rb and s.rbDer: Chebyshev polynomials T_ξ of
   * ξ = (2r − min − max)/(max − min), times (r − max)²; the repulsive variant clamps r to
   * min_dist (and then has zero derivatives).
   */
  void radialBasis(double r0, Scratch s) {
    double r = repulsive && r0 < minDist ? minDist : r0;
    double[] v = s.rb;
    double[] d = s.rbDer;
    double m = 2.0 / (maxDist - minDist);
    double ksi = (2 * r - (minDist + maxDist)) / (maxDist - minDist);
    double q = r - maxDist;
    v[0] = q * q;
    d[0] = 0 * q * q + 2 * q;
    v[1] = ksi * q * q;
    d[1] = m * q * q + 2 * ksi * q;
    for (int i = 2; i < basisSize; i++) {
      v[i] = 2 * ksi * v[i - 1] - v[i - 2];
      d[i] = 2 * (m * v[i - 1] + ksi * d[i - 1]) - d[i - 2];
    }
    boolean clamped = repulsive && r == minDist;
    for (int i = 0; i < basisSize; i++) {
      v[i] *= scaling;
      d[i] = clamped ? 0.0 : d[i] * scaling;
    }
  }

  /** The hard-core energy of one neighbour at r (RBChebyshev_repuls below min_dist), else 0. */
  double repulsion(double r) {
    return repulsive && r < minDist
        ? 10000 * (Math.exp(-10 * (r - 1)) - Math.exp(-10 * (minDist - 1))) : 0;
  }

  /** d(repulsion)/dr divided by r (multiply by the vector component for the gradient). */
  double repulsionDerivativeOverR(double r) {
    return repulsive && r < minDist ? -10 * 10000 * (Math.exp(-10 * (r - 1)) / r) : 0;
  }

  /** Radial function values f_μ(r) (and derivatives) for a central/neighbour pair. */
  void radialFunctions(int tc, int tn, Scratch s, boolean derivatives) {
    int base = (tc * species + tn) * radialFuncs * basisSize;
    for (int m = 0; m < radialFuncs; m++) {
      int off = base + m * basisSize;
      double val = 0;
      double der = 0;
      for (int x = 0; x < basisSize; x++) {
        val += radialCoeffs[off + x] * s.rb[x];
        if (derivatives) {
          der += radialCoeffs[off + x] * s.rbDer[x];
        }
      }
      s.radial[m] = val;
      s.radialDer[m] = der;
    }
  }

  /** Powers r^k, 1/r^k, x^k, y^k, z^k up to the largest tensor rank. */
  void powers(double x, double y, double z, double r, Scratch s) {
    s.rPow[0] = 1;
    s.invRPow[0] = 1;
    s.xPow[0] = 1;
    s.yPow[0] = 1;
    s.zPow[0] = 1;
    for (int k = 1; k <= maxPower; k++) {
      s.rPow[k] = s.rPow[k - 1] * r;
      s.invRPow[k] = 1.0 / s.rPow[k];
      s.xPow[k] = s.xPow[k - 1] * x;
      s.yPow[k] = s.yPow[k - 1] * y;
      s.zPow[k] = s.zPow[k - 1] * z;
    }
  }

  /**
   * The angular part Y_b = x^a y^b z^c / r^(a+b+c) of every basic moment for the neighbour
   * vector (x, y, z) at distance r, and its gradient with respect to that vector, into
   * s.ang and s.angGrad.
   */
  void angular(double x, double y, double z, double r, Scratch s) {
    powers(x, y, z, r, s);
    double inv2 = 1 / (r * r);
    for (int b = 0; b < basicCount; b++) {
      double base = s.invRPow[pk[b]];
      double p0 = s.xPow[px[b]];
      double p1 = s.yPow[py[b]];
      double p2 = s.zPow[pz[b]];
      double v = p0 * p1 * p2 * base;
      double radial = -pk[b] * v * inv2;
      s.ang[b] = v;
      s.angGrad[3 * b] = radial * x
          + (px[b] > 0 ? px[b] * s.xPow[px[b] - 1] * p1 * p2 * base : 0);
      s.angGrad[3 * b + 1] = radial * y
          + (py[b] > 0 ? py[b] * p0 * s.yPow[py[b] - 1] * p2 * base : 0);
      s.angGrad[3 * b + 2] = radial * z
          + (pz[b] > 0 ? pz[b] * p0 * p1 * s.zPow[pz[b] - 1] * base : 0);
    }
  }

  /**
   * Adds one neighbour (vector x, y, z at distance r, central type tc, neighbour type tn) to
   * the basic moments {@code m[off]} … {@code m[off + basicCount − 1]}.
   */
  void addNeighbour(int tc, int tn, double x, double y, double z, double r, Scratch s,
      double[] m, int off) {
    radialBasis(r, s);
    radialFunctions(tc, tn, s, false);
    powers(x, y, z, r, s);
    for (int i = 0; i < basicCount; i++) {
      double val = s.radial[mu[i]] * s.invRPow[pk[i]];
      m[off + i] += val * (s.xPow[px[i]] * s.yPow[py[i]] * s.zPow[pz[i]]);
    }
  }

  /** Clears the product moments and computes them from the basic ones (in place). */
  void contract(double[] m) {
    for (int i = basicCount; i < momentCount; i++) {
      m[i] = 0;
    }
    for (int t = 0; t < target.length; t++) {
      m[target[t]] += mult[t] * m[left[t]] * m[right[t]];
    }
  }

  /** Site energy of a central atom of type tc from contracted moments (plus {@code start}). */
  double energy(int tc, double[] m, double start) {
    double e = start + speciesCoeffs[tc];
    for (int i = 0; i < scalarCount; i++) {
      e += momentCoeffs[i] * m[mapping[i]];
    }
    return e;
  }

  /** dE_site/d(moment) for every moment, from contracted moments (back-propagation). */
  void momentDerivatives(double[] m, double[] dEdm) {
    java.util.Arrays.fill(dEdm, 0);
    for (int i = 0; i < scalarCount; i++) {
      dEdm[mapping[i]] = momentCoeffs[i];
    }
    for (int t = target.length - 1; t >= 0; t--) {
      double g = dEdm[target[t]];
      dEdm[right[t]] += g * mult[t] * m[left[t]];
      dEdm[left[t]] += g * mult[t] * m[right[t]];
    }
  }

  /**
   * Adds dE_site/d(vector to the neighbour) into out[0..2], given s.dEdm from
   * {@link #momentDerivatives}. Recomputes the neighbour's radial functions.
   */
  void neighbourGradient(int tc, int tn, double x, double y, double z, double r, Scratch s,
      double[] out) {
    radialBasis(r, s);
    radialFunctions(tc, tn, s, true);
    powers(x, y, z, r, s);
    double rep = repulsionDerivativeOverR(r);
    double gx = rep * x;
    double gy = rep * y;
    double gz = rep * z;
    double[] d = s.dEdm;
    for (int i = 0; i < basicCount; i++) {
      int k = pk[i];
      double powk = s.invRPow[k];
      double val = s.radial[mu[i]] * powk;
      double der = s.radialDer[mu[i]] * powk - k * val / r;
      double pow0 = s.xPow[px[i]];
      double pow1 = s.yPow[py[i]];
      double pow2 = s.zPow[pz[i]];
      double mult0 = pow0 * pow1 * pow2 * (der / r);
      double jx = mult0 * x;
      double jy = mult0 * y;
      double jz = mult0 * z;
      if (px[i] != 0) {
        jx += val * px[i] * s.xPow[px[i] - 1] * pow1 * pow2;
      }
      if (py[i] != 0) {
        jy += val * py[i] * pow0 * s.yPow[py[i] - 1] * pow2;
      }
      if (pz[i] != 0) {
        jz += val * pz[i] * pow0 * pow1 * s.zPow[pz[i] - 1];
      }
      gx += d[i] * jx;
      gy += d[i] * jy;
      gz += d[i] * jz;
    }
    out[0] += gx;
    out[1] += gy;
    out[2] += gz;
  }

  /**
   * Adds dE_site/d(radial coefficient) of one neighbour into grad (MLIP's coefficient order),
   * given s.dEdm.
   */
  void neighbourRadialGradient(int tc, int tn, double x, double y, double z, double r,
      Scratch s, double[] grad) {
    radialBasis(r, s);
    powers(x, y, z, r, s);
    double[] w = s.radial;
    java.util.Arrays.fill(w, 0);
    for (int i = 0; i < basicCount; i++) {
      w[mu[i]] += s.dEdm[i] * s.invRPow[pk[i]]
          * (s.xPow[px[i]] * s.yPow[py[i]] * s.zPow[pz[i]]);
    }
    int base = (tc * species + tn) * radialFuncs * basisSize;
    for (int m = 0; m < radialFuncs; m++) {
      for (int x0 = 0; x0 < basisSize; x0++) {
        grad[base + m * basisSize + x0] += w[m] * s.rb[x0];
      }
    }
  }
}
