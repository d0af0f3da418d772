package ibcheck.crosscheck.kinds.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibcheck.crosscheck.CheckKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A property's instance of a kernel-margin cross-check is the file's cross-check with only the data seed drawn. */
class KernelMarginInstanceTest {
  @Test
  void drawingTheDataSeedKeepsEveryOtherDataSetting() {
    SeparableData file = new SeparableData(null, null, 10, 3, 0.2, 7, true, 0.3);
    var check = new KernelMarginCheck.Check(new CheckKind.Header("k", 60, "t.yaml:1"), file, "ntk", "t.yaml:2",
        new int[] {64, 256}, 3, "-1/2", 0.5, 0.1);
    var drawn = (KernelMarginCheck.Check) check.instantiate(Map.of("dataseed", 11.0));
    assertEquals(new SeparableData(null, null, 10, 3, 0.2, 11, true, 0.3), drawn.data());
  }
}
