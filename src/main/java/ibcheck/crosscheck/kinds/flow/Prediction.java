package ibcheck.crosscheck.kinds.flow;

import ibcheck.bias.PotentialFormula;

/**
 * What a cross-check predicts the flow limit to be: {@code argmin sum_i q(beta_i) s.t. X beta = y}
 * for the formula in the file.
 *
 * @param form whether {@code formula} is q itself or the link (the inverse of q')
 * @param formula Symja text, per coordinate
 * @param coordinate the name of the coordinate variable in {@code formula}
 * @param low lower end of the link's domain
 * @param high upper end of the link's domain
 * @param location {@code file:line} of the formula
 */
public record Prediction(PotentialFormula.Form form, String formula, String coordinate, double low, double high,
    String location) {}
