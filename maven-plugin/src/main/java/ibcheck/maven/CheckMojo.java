package ibcheck.maven;

import ibcheck.gate.Gate;
import ibcheck.gate.GateConfig;
import ibcheck.verdict.TheoremResult;
import java.io.File;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code ibcheck:check}: runs the ibcheck gate on a project's theorem and property files (the same
 * gate as {@code mvn verify} in ibcheck itself) and fails the build when any claim fails; the HTML
 * reports and summary.json go to the reports directory.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {
  /** The theorem files (*.yaml) to check. */
  @Parameter(property = "ibcheck.theorems", defaultValue = "${project.basedir}/theorems")
  private File theoremsDirectory;

  /** The property files of those theorems (a missing folder means none). */
  @Parameter(property = "ibcheck.properties", defaultValue = "${project.basedir}/properties")
  private File propertiesDirectory;

  /** Where summary.json and the HTML reports go. */
  @Parameter(property = "ibcheck.reports", defaultValue = "${project.build.directory}/ibcheck-reports")
  private File reportsDirectory;

  /** The base seed of every random draw (numeric witnesses, property instances). */
  @Parameter(property = "ibcheck.seed", defaultValue = "" + GateConfig.DEFAULT_SEED)
  private long seed;

  /** Theorems checked at once; 0 for one per processor. */
  @Parameter(property = "ibcheck.threads", defaultValue = "0")
  private int threads;

  /** Skips the check. */
  @Parameter(property = "ibcheck.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("ibcheck: skipped");
      return;
    }
    if (!theoremsDirectory.isDirectory()) {
      throw new MojoFailureException("ibcheck: no theorems directory " + theoremsDirectory);
    }
    GateConfig config = new GateConfig(List.of(theoremsDirectory.toPath()), propertiesDirectory.toPath(),
        reportsDirectory.toPath(), Set.of(), seed, GateConfig.DEFAULT_TIME_LIMIT_SECONDS,
        threads > 0 ? threads : GateConfig.defaultThreads());
    List<TheoremResult> results = new Gate(config, System.out).run();
    awaitSymjaRuleLoading();
    if (!Gate.passes(results)) {
      throw new MojoFailureException("ibcheck: a claim failed (see " + reportsDirectory.toPath().resolve("summary.json")
          + " and index.html there)");
    }
    getLog().info("ibcheck: all claims pass (" + results.size() + " theorem files; reports in " + reportsDirectory + ")");
  }

  /**
   * Symja loads its integration rules on a background thread; it must finish while this plugin's
   * class realm is open, or it fails with NoClassDefFoundError once Maven closes the realm.
   */
  private void awaitSymjaRuleLoading() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("IntegrateInitializer")) {
        try {
          t.join(120_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
