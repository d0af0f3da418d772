package ibcheck.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The compiled tree's forward-mode derivative agrees with central differences of its values. */
class CompiledExpressionTest {
  @Test
  void theGradientIsTheDerivativeOfTheValue() throws Exception {
    SymjaSession s = new SymjaSession();
    String[] formulas = {
        "Sqrt(x^2 + y^2)^(3/2) - 3/2*x*y/(1 + x^2)",
        "ArcSinh(x/2)*y - Log(2, 1 + x^2 + y^2) + Exp(-x*y)*Cos(x) + Max(x, y/5)",
        "(Sqrt(x^2 + y^2/4) - y)*Sqrt(Sqrt(x^2 + y^2/4) + y/2) + x^y"};
    double[][] points = {{0.7, 1.3}, {1.9, 0.4}, {2.5, 2.1}};
    for (String f : formulas) {
      CompiledExpression c = CompiledExpression.compile(s.eval(s.parse(f)), List.of("x", "y"));
      for (double[] p : points) {
        double[] g = c.gradient(p, 2);
        for (int i = 0; i < 2; i++) {
          double h = 1e-6;
          double[] plus = p.clone();
          double[] minus = p.clone();
          plus[i] += h;
          minus[i] -= h;
          double fd = (c.value(plus) - c.value(minus)) / (2 * h);
          assertEquals(fd, g[i], 1e-7 * Math.max(1, Math.abs(fd)), f + " d/d" + (i == 0 ? "x" : "y") + " at " + p[0] + ", " + p[1]);
        }
      }
    }
  }
}
