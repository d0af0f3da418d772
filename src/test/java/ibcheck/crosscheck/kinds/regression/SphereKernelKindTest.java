package ibcheck.crosscheck.kinds.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.crosscheck.KindSupport;
import ibcheck.verdict.ClaimResult;
import ibcheck.verdict.Figure;
import ibcheck.verdict.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code sphere-kernel} kind: the ReLU kernel on the sphere against quadrature, its quadrature and its settings. */
class SphereKernelKindTest extends KindContract {
  static final String DEFINITIONS =
      "define:\n  k(nb_, nbp_, th_, dim_): nb*nbp*(Sin(th) + (Pi - th)*Cos(th))/(2*Pi*dim)\n";
  static final String CHECK = """
      name: sphere
      kind: sphere-kernel
      dims: [2, 4]
      pairs: 3
      seed: 1
      kernel: KERNEL
      refutes: 2*k(nb, nbp, th, dim)
      tolerance: 1e-10
      """;

  SphereKernelKindTest() {
    super(KindFixture.with(DEFINITIONS), new Claims(CHECK, "KERNEL", "k(nb, nbp, th, dim)",
        "nb*nbp*(Sin(th) + (Pi - th)*Cos(th))/(2*Pi)", Verdict.DISAGREES, "dims: [2, 4]", "dims: [1, 4]", "dims: [1, 4]",
        "'dims' must be in [2, 200], got 1"));
  }

  @Test
  void aRefutedFormulaThatPassesMakesTheCheckFail() {
    ClaimResult c = fixture.assertVerdict(Verdict.DISAGREES, CHECK.replace("KERNEL", "k(nb, nbp, th, dim)")
        .replace("dims: [2, 4]", "dims: [3]").replace("refutes: 2*k", "refutes: k"));
    assertTrue(c.message().contains("passes the same test"), c.message());
  }

  @Test
  void tanhSinhHandlesEndpointSingularities() {
    assertEquals(2.0 / 3, SphereQuadrature.tanhSinh(Math::sqrt, 0, 1), 1e-14);
    assertEquals(Math.PI / 2, SphereQuadrature.tanhSinh(x -> Math.sqrt(1 - x * x), -1, 1), 1e-14);
    assertEquals(2, SphereQuadrature.integrate(Math::sin, 0, Math.PI, 1.0, 2.0), 1e-14);
  }

  @Test
  void sphereQuadratureMatchesKnownValues() {
    for (int d : new int[] {2, 3, 5, 10}) {
      // angle 0: E relu(x_1)^2 = 1/(2d); angle pi: 0; angle pi/2: 1/(2 pi d)
      assertEquals(1.0 / (2 * d), SphereQuadrature.quadrature(d, 0), 1e-13, "d = " + d);
      assertEquals(0, SphereQuadrature.quadrature(d, Math.PI), 1e-13, "d = " + d);
      assertEquals(1 / (2 * Math.PI * d), SphereQuadrature.quadrature(d, Math.PI / 2), 1e-13, "d = " + d);
    }
  }

  @Test
  void drawingAQuantityACheckDoesNotHaveIsRejected() {
    SphereKernelKind.Check check = new SphereKernelKind.Check(new CheckKind.Header("c", 10, "f:1"), new int[] {2}, 2, 1,
        new KindSupport.Formula("nb", "f:2"), null, "quadrature", 0, 5, 1e-9);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> check.instantiate(Map.of("alpha", 1.0)));
    assertTrue(e.getMessage().contains("'alpha' is not a setting"), e.getMessage());
    check.instantiate(Map.of("dim", 5.0, "seed", 3.0)); // settings it has
  }

  @Override
  protected void passes(ClaimResult r) {
    assertTrue(!Figure.of(r.evidence()).isEmpty(), "attaches a figure");
  }
}
