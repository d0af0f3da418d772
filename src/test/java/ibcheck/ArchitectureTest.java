package ibcheck;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the pipeline (spec → symbolic → numeric → properties → verdict → report, with
 * the gate and the CLI on top), so no package depends, directly or through others, on itself: a cycle
 * means a stage reaches back into a later one.
 */
class ArchitectureTest {
  private static final JavaClasses ENGINE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("ibcheck");

  /** Every package, sub-packages included, without exception. */
  @Test
  void noPackageCycles() {
    slices().matching("ibcheck.(**)").should().beFreeOfCycles().check(ENGINE);
  }

  /**
   * The families of cross-check kinds ({@code crosscheck.kinds.flow}, {@code .sgd}, ...) share only the
   * API and the helpers in {@code ibcheck.crosscheck}; none reaches into another.
   */
  @Test
  void kindFamiliesDoNotDependOnEachOther() {
    slices().matching("ibcheck.crosscheck.kinds.(*)..").should().notDependOnEachOther().check(ENGINE);
  }
}
