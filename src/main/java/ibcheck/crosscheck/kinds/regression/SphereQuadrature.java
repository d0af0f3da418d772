package ibcheck.crosscheck.kinds.regression;

import java.util.function.DoubleUnaryOperator;

/**
 * The sphere kernel {@code E_x[relu(x.e1) relu(x.e(th))]} for x uniform on S^(d-1), computed by
 * quadrature in spherical coordinates with no use of any closed form: every integral split at the
 * ReLUs' kinks and computed by tanh-sinh quadrature, the normalisation integrated the same way.
 */
final class SphereQuadrature {
  private SphereQuadrature() {}

  private static double relu(double v) {
    return v > 0 ? v : 0;
  }

  /** E_x[relu(x.e1) relu(x.e(th))] for x uniform on S^(d-1), unit vectors at angle th. */
  static double quadrature(int d, double th) {
    double ct = Math.cos(th);
    double st = Math.sin(th);
    if (d == 2) {
      // x = (cos phi, sin phi), phi uniform on [-pi, pi); kinks of the two ReLUs at +-pi/2 and th +- pi/2
      DoubleUnaryOperator f = phi -> relu(Math.cos(phi)) * relu(Math.cos(phi - th));
      return integrate(f, -Math.PI, Math.PI, wrap(th - Math.PI / 2), wrap(th + Math.PI / 2), -Math.PI / 2, Math.PI / 2)
          / (2 * Math.PI);
    }
    DoubleUnaryOperator inner = phi -> {
      double cp = Math.cos(phi);
      double sp = Math.sin(phi);
      // x.e(th) = cp ct + sp st cos(psi) changes sign at cos(psi) = -cp ct/(sp st)
      double kink = sp * st > 0 ? -cp * ct / (sp * st) : Double.NaN;
      DoubleUnaryOperator g = psi -> relu(cp) * relu(cp * ct + sp * st * Math.cos(psi)) * Math.pow(Math.sin(psi), d - 3);
      double[] cuts = !Double.isNaN(kink) && kink > -1 && kink < 1 ? new double[] {Math.acos(kink)} : new double[0];
      return integrate(g, 0, Math.PI, cuts) * Math.pow(sp, d - 2);
    };
    double num = integrate(inner, 0, Math.PI, Math.PI / 2, Math.PI / 2 - th, th - Math.PI / 2);
    double norm = integrate(phi -> Math.pow(Math.sin(phi), d - 2), 0, Math.PI)
        * integrate(psi -> Math.pow(Math.sin(psi), d - 3), 0, Math.PI);
    return num / norm;
  }

  private static double wrap(double a) {
    return a > Math.PI ? a - 2 * Math.PI : a < -Math.PI ? a + 2 * Math.PI : a;
  }

  /** The integral of f over [a, b], split at the cut points inside (a, b), each piece by tanh-sinh. */
  static double integrate(DoubleUnaryOperator f, double a, double b, double... cuts) {
    double[] pts = java.util.Arrays.stream(cuts).filter(c -> c > a + 1e-15 && c < b - 1e-15).sorted().toArray();
    double sum = 0;
    double lo = a;
    for (double c : pts) {
      sum += tanhSinh(f, lo, c);
      lo = c;
    }
    return sum + tanhSinh(f, lo, b);
  }

  /** Tanh-sinh (double exponential) quadrature, step 1/32 on [-3.2, 3.2]: ~1e-15 for endpoint-singular integrands. */
  static double tanhSinh(DoubleUnaryOperator f, double a, double b) {
    if (!(b > a)) {
      return 0;
    }
    double c = (a + b) / 2;
    double r = (b - a) / 2;
    double h = 1.0 / 32;
    double sum = 0;
    for (int k = -103; k <= 103; k++) {
      double t = k * h;
      double s = Math.PI / 2 * Math.sinh(t);
      double ch = Math.cosh(s);
      double w = Math.PI / 2 * Math.cosh(t) / (ch * ch);
      double x = Math.tanh(s);
      // evaluate at the distance from the nearer end, to keep the nodes inside (a, b)
      double node = x >= 0 ? b - r * (1 / (Math.exp(2 * s) + 1)) * 2 : a + r * (1 / (Math.exp(-2 * s) + 1)) * 2;
      if (!(node > a && node < b)) {
        continue;
      }
      sum += w * f.applyAsDouble(node);
    }
    return sum * h * r;
  }
}
