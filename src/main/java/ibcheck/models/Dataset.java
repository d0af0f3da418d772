package ibcheck.models;

/**
 * Regression data: the rows of {@code x} are the inputs x_n, {@code y} the targets.
 *
 * @param x n x d inputs
 * @param y n targets
 */
public record Dataset(double[][] x, double[] y) {
  public Dataset {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("data needs as many targets as rows, and at least one row");
    }
    for (double[] row : x) {
      if (row.length != x[0].length) {
        throw new IllegalArgumentException("every row of the data must have the same length");
      }
    }
  }

  public int rows() {
    return x.length;
  }

  public int cols() {
    return x[0].length;
  }
}
