package ibcheck.crosscheck.read;

import ibcheck.models.Dataset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * The sparse regression problem of Woodworth et al. 2020 (Section 9 of Azulay et al. 2021): X with
 * i.i.d. N(0, 1) entries, a ground truth beta* with {@code sparseTruth} non-zero entries equal to
 * 1/sqrt(sparseTruth) on a random support, and noiseless targets y = X beta*. Reproducible from the
 * seed on any JVM (Well19937c).
 */
public record SyntheticData(int rows, int cols, int sparseTruth, long seed) implements DataSpec {

  @Override
  public Dataset dataset() {
    RandomGenerator random = new Well19937c(seed);
    double[][] x = new double[rows][cols];
    for (double[] row : x) {
      for (int i = 0; i < cols; i++) {
        row[i] = random.nextGaussian();
      }
    }
    int[] order = new int[cols];
    for (int i = 0; i < cols; i++) {
      order[i] = i;
    }
    for (int i = cols - 1; i > 0; i--) { // Fisher-Yates: the support is the first sparseTruth entries
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double[] truth = new double[cols];
    for (int k = 0; k < sparseTruth; k++) {
      truth[order[k]] = 1 / Math.sqrt(sparseTruth);
    }
    double[] y = new double[rows];
    for (int n = 0; n < rows; n++) {
      for (int i = 0; i < cols; i++) {
        y[n] += x[n][i] * truth[i];
      }
    }
    return new Dataset(x, y);
  }

  @Override
  public Map<String, Object> evidence() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", rows);
    m.put("cols", cols);
    m.put("sparse_truth", sparseTruth);
    m.put("seed", seed);
    return m;
  }

  /** The data quantities a property may draw: they regenerate synthetic data. */
  public static final Set<String> DRAWN = Set.of("rows", "cols", "truth", "dataseed");

  /**
   * A cross-check's data on one drawn instance: regenerated when any of {@link #DRAWN} was drawn,
   * else as they were.
   *
   * @throws IllegalArgumentException when a data quantity is drawn for explicit data
   */
  public static DataSpec drawn(DataSpec data, Drawn drawn, String check) {
    if (drawn.among(DRAWN).isEmpty()) {
      return data;
    }
    if (!(data instanceof SyntheticData s)) {
      throw new IllegalArgumentException("cross-check '" + check + "' uses explicit data: rows, cols, truth and"
          + " dataseed cannot be drawn");
    }
    return s.withDrawn(drawn);
  }

  /**
   * These data regenerated with the quantities a property drew: {@code rows}, {@code cols},
   * {@code truth} (sparse-truth, at most cols) and {@code dataseed}; what was not drawn stays.
   */
  private SyntheticData withDrawn(Drawn drawn) {
    int r = drawn.integer("rows", rows);
    int c = drawn.integer("cols", cols);
    int truth = drawn.integer("truth", Math.min(sparseTruth, c));
    long s = drawn.longInteger("dataseed", seed);
    return new SyntheticData(Math.max(1, r), Math.max(1, c), Math.max(1, Math.min(truth, c)), s);
  }
}
