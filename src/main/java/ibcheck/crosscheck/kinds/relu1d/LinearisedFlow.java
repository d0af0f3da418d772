package ibcheck.crosscheck.kinds.relu1d;

import ibcheck.models.WideRelu1D;
import java.util.TreeSet;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;

/**
 * Gradient descent with step eta on the MSE of the linearised model
 * {@code f_lin(x, omega) = f(x, theta_0) + J(x) (omega - theta_0)}, followed in function space: the
 * training residual obeys {@code r_{k+1} = (I - eta Theta) r_k}, and after k steps the output at any x
 * is {@code f_lin(x, omega_k) = f(x, theta_0) - eta K(x, X) sum_{i<k} r_i}. Measured against the
 * network trained with the same step, and against the linearised model trained in its output layer
 * only.
 */
final class LinearisedFlow {
  /** Checkpoints per run where the network is compared: geometrically spaced up to the horizon. */
  private static final int CHECKPOINTS = 60;

  private LinearisedFlow() {}

  /** Steps until the linearised residual has fallen by {@code factor}: ln(factor)/(eta lambda_min), capped. */
  static int horizon(double eta, double lambdaMin, double factor, int cap) {
    double steps = Math.log(factor) / -Math.log(1 - eta * lambdaMin);
    return (int) Math.min(cap, Math.ceil(steps));
  }

  /**
   * {@code sup |f_lin(x, omega_k) - f(x, theta_k)|} over the checkpoints {@code k <= t} and the grid,
   * both trained by gradient descent from theta_0 with step eta. The network is compared only at the
   * checkpoints because evaluating it on the grid costs a width's worth of work per point.
   */
  static double distanceToNetwork(TangentKernel kernel, double[] x, double[] y, double[] grid, double eta, int t) {
    WideRelu1D net = kernel.net();
    double[] theta0 = kernel.theta0();
    RealMatrix gram = new Array2DRowRealMatrix(kernel.gram(), false);
    double[][] kgx = kernel.against(grid);
    double[] r = residual(net, theta0, x, y); // f(., theta_0) = 0 under ASI
    double[] sum = new double[x.length];
    double[] theta = theta0.clone();
    double[] f0 = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      f0[i] = net.value(theta0, grid[i]);
    }
    TreeSet<Integer> checkpoints = checkpoints(t);
    double worst = 0;
    for (int k = 1; k <= t; k++) {
      accumulate(sum, r);
      r = step(gram, r, eta);
      net.step(theta, x, y, eta);
      if (checkpoints.contains(k)) {
        if (Thread.currentThread().isInterrupted()) {
          throw new IllegalStateException("interrupted");
        }
        for (int i = 0; i < grid.length; i++) {
          worst = Math.max(worst, Math.abs(output(f0[i], kgx[i], sum, eta) - net.value(theta, grid[i])));
        }
      }
    }
    return worst;
  }

  /**
   * {@code sup |f_lin(x, omega~_k) - f_lin(x, omega_k)|} over {@code k <= t} and the grid: the
   * linearised model trained in its output layer alone against trained in all its parameters, same
   * step. Both start at f(., theta_0), so only the displacements are compared.
   */
  static double distanceOutputLayer(TangentKernel all, double[] x, double[] y, double[] grid, double eta, int t) {
    TangentKernel output = TangentKernel.at(all.net(), all.theta0(), x, true);
    RealMatrix gramAll = new Array2DRowRealMatrix(all.gram(), false);
    RealMatrix gramOutput = new Array2DRowRealMatrix(output.gram(), false);
    double[][] kgx = all.against(grid);
    double[][] kgo = output.against(grid);
    double[] ra = residual(all.net(), all.theta0(), x, y);
    double[] ro = ra.clone();
    double[] sa = new double[x.length];
    double[] so = new double[x.length];
    double worst = 0;
    for (int k = 1; k <= t; k++) {
      accumulate(sa, ra);
      accumulate(so, ro);
      ra = step(gramAll, ra, eta);
      ro = step(gramOutput, ro, eta);
      for (int i = 0; i < grid.length; i++) {
        worst = Math.max(worst, Math.abs(output(0, kgx[i], sa, eta) - output(0, kgo[i], so, eta)));
      }
    }
    return worst;
  }

  /** The training residual {@code f(X, theta) - y}. */
  private static double[] residual(WideRelu1D net, double[] theta, double[] x, double[] y) {
    double[] r = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      r[j] = net.value(theta, x[j]) - y[j];
    }
    return r;
  }

  /** One step of the residual: {@code r - eta Theta r}. */
  private static double[] step(RealMatrix gram, double[] r, double eta) {
    double[] kr = gram.operate(r);
    double[] out = new double[r.length];
    for (int j = 0; j < r.length; j++) {
      out[j] = r[j] - eta * kr[j];
    }
    return out;
  }

  /** {@code start - eta sum_l kRow_l sum_l}, term by term. */
  private static double output(double start, double[] kRow, double[] sum, double eta) {
    double f = start;
    for (int l = 0; l < sum.length; l++) {
      f -= eta * kRow[l] * sum[l];
    }
    return f;
  }

  private static void accumulate(double[] sum, double[] r) {
    for (int j = 0; j < sum.length; j++) {
      sum[j] += r[j];
    }
  }

  /** {@code round(t^(k/60))} for k = 0..60, and t itself. */
  private static TreeSet<Integer> checkpoints(int t) {
    TreeSet<Integer> checkpoints = new TreeSet<>();
    for (int k = 0; k <= CHECKPOINTS; k++) {
      checkpoints.add((int) Math.round(Math.pow(t, k / (double) CHECKPOINTS)));
    }
    checkpoints.add(t);
    return checkpoints;
  }
}
