package ibcheck.bench;

import ibcheck.crosscheck.read.SyntheticData;
import ibcheck.flow.GradientFlow;
import ibcheck.models.Dataset;
import ibcheck.models.DiagonalNetwork;
import ibcheck.models.Model;
import ibcheck.models.ModelRegistry;
import ibcheck.models.declarative.FileModels;
import ibcheck.spec.YamlFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark (not a test): the gradient flow of the Java {@link DiagonalNetwork} against the same
 * model declared in a theorem file (src/test/resources/declared-models.yaml), to convergence on the
 * q-alpha theorem's data over its alpha sweep, in a warm JVM; prints the median wall time of each
 * and their ratio (the target: declared within 3x of Java). Run by bench/declarative-models.sh.
 */
public final class DeclarativeModelBench {
  private DeclarativeModelBench() {}

  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Path file = Path.of("src/test/resources/declared-models.yaml");
    FileModels.register(YamlFiles.read(file, file.toString()).mapping().get("models"));
    String declared = ModelRegistry.resolve("diagonal-network-declared", file.toString());
    Dataset data = new SyntheticData(5, 12, 3, 7).dataset();
    double[] alphas = {0.05, 0.3, 1, 3};
    System.out.printf(Locale.ROOT, "%-8s %12s %12s %7s%n", "alpha", "java_ms", "declared_ms", "ratio");
    double javaTotal = 0;
    double declaredTotal = 0;
    for (double alpha : alphas) {
      double java = median(new DiagonalNetwork("diagonal-network", 2, alpha), data, warmup, runs);
      double decl = median(ModelRegistry.create(declared, Map.of("alpha", alpha)), data, warmup, runs);
      javaTotal += java;
      declaredTotal += decl;
      System.out.printf(Locale.ROOT, "%-8s %12.2f %12.2f %7.2f%n", alpha, java, decl, decl / java);
    }
    System.out.printf(Locale.ROOT, "%-8s %12.2f %12.2f %7.2f   (target: ratio <= 3)%n", "sweep", javaTotal,
        declaredTotal, declaredTotal / javaTotal);
  }

  /** Median milliseconds of one flow run to convergence. */
  private static double median(Model model, Dataset data, int warmup, int runs) {
    GradientFlow flow = new GradientFlow(GradientFlow.Settings.DEFAULT);
    for (int i = 0; i < warmup; i++) {
      flow.run(model, data);
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      flow.run(model, data);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }
}
