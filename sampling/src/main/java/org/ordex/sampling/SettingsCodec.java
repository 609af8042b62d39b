package org.ordex.sampling;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Writes and reads {@link SamplingSettings} and ensembles in checkpoints. */
final class SettingsCodec {
  private SettingsCodec() {}

  static void write(SamplingSettings s, DataOutput out) throws IOException {
    writeEnsemble(s.ensemble(), out);
    writeDoubles(out, s.temperatures());
    out.writeLong(s.sweeps());
    out.writeLong(s.equilibration());
    out.writeInt(s.sampleInterval());
    out.writeInt(s.snapshotInterval());
    out.writeBoolean(s.replicaExchange());
    out.writeInt(s.exchangeInterval());
    out.writeLong(s.tuneSweeps());
    out.writeInt(s.sroShells());
    out.writeInt(s.recomputeInterval());
    out.writeLong(s.seed());
    out.writeInt(s.threads());
  }

  static SamplingSettings read(DataInput in) throws IOException {
    return new SamplingSettings(readEnsemble(in), readDoubles(in), in.readLong(), in.readLong(), in.readInt(),
        in.readInt(), in.readBoolean(), in.readInt(), in.readLong(), in.readInt(), in.readInt(),
        in.readLong(), in.readInt());
  }

  static void writeEnsemble(Ensemble e, DataOutput out) throws IOException {
    out.writeUTF(e.name());
    double[] params = e instanceof Ensemble.SemiGrandCanonical g ? g.dmu()
        : e instanceof Ensemble.VarianceConstrained v ? v.phi() : new double[0];
    writeDoubles(out, params);
    out.writeDouble(e instanceof Ensemble.VarianceConstrained v ? v.kappa() : 0);
  }

  static Ensemble readEnsemble(DataInput in) throws IOException {
    String name = in.readUTF();
    double[] params = readDoubles(in);
    double kappa = in.readDouble();
    return switch (name) {
      case "canonical" -> new Ensemble.Canonical();
      case "sgc" -> new Ensemble.SemiGrandCanonical(params);
      case "vcsgc" -> new Ensemble.VarianceConstrained(params, kappa);
      default -> throw new IOException("unknown ensemble " + name);
    };
  }

  private static void writeDoubles(DataOutput out, double[] a) throws IOException {
    out.writeInt(a.length);
    for (double v : a) {
      out.writeDouble(v);
    }
  }

  private static double[] readDoubles(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 20) {
      throw new IOException("bad array length " + n);
    }
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readDouble();
    }
    return a;
  }
}
