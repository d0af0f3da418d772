package ibcheck.flow;

/**
 * The end point of a converged gradient flow and its certificate.
 *
 * @param theta the parameters theta(t) where the flow stopped
 * @param certificate how converged it was
 */
public record FlowLimit(double[] theta, Certificate certificate) {}
