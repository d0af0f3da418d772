package ibcheck.crosscheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The few vector operations and number formats the cross-checks use. */
public final class Vectors {
  /** Vectors longer than this are left out of the evidence. */
  static final int MAX_SHOWN = 50;

  private Vectors() {}

  public static double norm1(double[] v) {
    double s = 0;
    for (double x : v) {
      s += Math.abs(x);
    }
    return s;
  }

  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** The Euclidean norm {@code |a|}. */
  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** {@code c a}, a new vector. */
  public static double[] scaled(double[] a, double c) {
    double[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= c;
    }
    return out;
  }

  /** {@code a - c b}, a new vector. */
  public static double[] minusMultiple(double[] a, double c, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - c * b[i];
    }
    return out;
  }

  public static double distance(double[] a, double[] b) {
    return Math.sqrt(distanceSquared(a, b));
  }

  /** {@code |a - b|^2}. */
  public static double distanceSquared(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return s;
  }

  /** {@code max_i |a_i - b_i|}; NaN when any entry is NaN. */
  public static double maxAbsDifference(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]);
      if (Double.isNaN(d)) {
        return d; // a later finite entry must not hide it: NaN compares false with everything
      }
      m = Math.max(m, d);
    }
    return m;
  }

  /** The vector as a JSON-friendly list, or a note when it is too long to show. */
  public static Object evidence(double[] v) {
    if (v.length > MAX_SHOWN) {
      return "(" + v.length + " entries, not shown)";
    }
    List<Double> out = new ArrayList<>(v.length);
    for (double x : v) {
      out.add(x);
    }
    return out;
  }

  public static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  public static String join(double[] values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      b.append(i > 0 ? ", " : "").append(fmt(values[i]));
    }
    return b.append("]").toString();
  }
}
