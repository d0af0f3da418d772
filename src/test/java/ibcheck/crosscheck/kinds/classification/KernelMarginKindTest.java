package ibcheck.crosscheck.kinds.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.KindContract;
import ibcheck.crosscheck.KindFixture;
import ibcheck.verdict.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code kernel-margin} kind: the random-feature max margin tends to the infinite-width kernel's
 * like m^-1/2; a property's instance draws only the data seed.
 */
class KernelMarginKindTest extends KindContract {
  static final String CHECK = """
      name: c
      kind: kernel-margin
      data: {n: 10, dim: 2, gap: 0.1, seed: 4, labels: xor}
      kernel: KERNEL
      sweep: {width: [100, 400, 1600, 6400]}
      seeds: 4
      predicts: {exponent: -1/2}
      band: 0.25
      tolerance: 0.05
      """;

  KernelMarginKindTest() {
    super(KindFixture.definitionsOf("soudry2018-max-margin"), new Claims(CHECK, "KERNEL", "karc(nu, nv, ArcCos(c))",
        "nu*nv*(Sin(ArcCos(c)) + (Pi - ArcCos(c))*c)/(4*Pi)", Verdict.DISAGREES, "labels: xor", "labels: parity",
        "labels: parity", "labels must be 'teacher' (a random linear teacher) or 'xor' (sign(x_1 x_2))"));
  }

  @Test
  void drawingTheDataSeedKeepsEveryOtherDataSetting() {
    SeparableData file = new SeparableData(null, null, 10, 3, 0.2, 7, true, 0.3);
    var check = new KernelMarginCheck.Check(new CheckKind.Header("k", 60, "t.yaml:1"), file, "ntk", "t.yaml:2",
        new int[] {64, 256}, 3, "-1/2", 0.5, 0.1);
    var drawn = (KernelMarginCheck.Check) check.instantiate(Map.of("dataseed", 11.0));
    assertEquals(new SeparableData(null, null, 10, 3, 0.2, 11, true, 0.3), drawn.data());
  }
}
