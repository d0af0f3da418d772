package ibcheck.crosscheck.kinds.classification;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.CrosscheckReader;
import ibcheck.flow.ClassificationFlow;
import ibcheck.models.ReluFeatures;
import ibcheck.spec.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of a {@code kind: max-margin} cross-check ({@link MaxMarginCheck#FIELDS}) and
 * checks their ranges, in a fixed order (model, data, features and init, loss, method, predicts,
 * tolerance, band, residual), so a file with several errors always reports the same one first.
 */
final class MaxMarginReader {
  private MaxMarginReader() {}

  static MaxMarginCheck.Check read(CheckKind.Header header, Map<String, YamlNode> m, YamlNode node) {
    YamlNode modelNode = YamlNode.require(m, "model", node);
    String model = modelNode.text().trim();
    if (!model.equals("linear") && !model.equals(ReluFeatures.NAME)) {
      throw modelNode.error("a max-margin cross-check runs on model 'linear' or '" + ReluFeatures.NAME + "', got '" + model + "'");
    }
    SeparableData data = SeparableData.read(YamlNode.require(m, "data", node));
    MarginModel marginModel = model(model, m, node);
    YamlNode lossNode = YamlNode.require(m, "loss", node);
    MarginMethod method = method(m, node);
    YamlNode predicts = YamlNode.require(m, "predicts", node);
    Map<String, YamlNode> p = predicts.mapping(Set.of("rate", "offset"));
    String rate = YamlNode.require(p, "rate", predicts).text().trim();
    String offset = YamlNode.require(p, "offset", predicts).text().trim();
    YamlNode tolNode = YamlNode.require(m, "tolerance", node);
    double tolerance = CrosscheckReader.number(tolNode);
    if (!(tolerance > 0)) {
      throw tolNode.error("tolerance must be positive");
    }
    YamlNode bandNode = YamlNode.require(m, "band", node);
    double band = CrosscheckReader.number(bandNode);
    if (!(band > 0 && band < 1)) {
      throw bandNode.error("band must lie in (0, 1)");
    }
    return new MaxMarginCheck.Check(header, marginModel, data, lossNode.text().trim(), lossNode.location(), method, rate,
        offset, predicts.location(), tolerance, band, residualDecay(m));
  }

  /** The features' width and seed (ReLU features only) and the initialisation. */
  private static MarginModel model(String model, Map<String, YamlNode> m, YamlNode node) {
    int width = 0;
    long featureSeed = 0;
    if (model.equals(ReluFeatures.NAME)) {
      width = YamlNode.require(m, "width", node).integer();
      featureSeed = YamlNode.require(m, "feature-seed", node).integer();
      if (width < 1 || width > 100_000) {
        throw m.get("width").error("width must be between 1 and 100000");
      }
    } else {
      rejectAll(m, List.of("width", "feature-seed"), "model '" + ReluFeatures.NAME + "'");
    }
    double scale = 0;
    long initSeed = 1;
    if (m.containsKey("init")) {
      Map<String, YamlNode> init = m.get("init").mapping(Set.of("scale", "seed"));
      scale = init.containsKey("scale") ? CrosscheckReader.number(init.get("scale")) : 0;
      initSeed = init.containsKey("seed") ? init.get("seed").integer() : 1;
    }
    return new MarginModel(model, width, featureSeed, scale, initSeed);
  }

  private static MarginMethod method(Map<String, YamlNode> m, YamlNode node) {
    YamlNode methodNode = YamlNode.require(m, "method", node);
    String method = methodNode.text().trim();
    if (method.equals("flow")) {
      YamlNode lt = YamlNode.require(m, "log-time", node);
      double logTime = CrosscheckReader.number(lt);
      if (!(logTime >= 8 && logTime <= ClassificationFlow.MAX_LOG_TIME)) {
        throw lt.error("log-time (log t at the end of the flow) must lie in [8, " + ClassificationFlow.MAX_LOG_TIME + "]");
      }
      rejectAll(m, List.of("eta", "iterations"), "method: gd");
      return new MarginMethod(false, 1, logTime, 0);
    }
    if (method.equals("gd")) {
      double eta = CrosscheckReader.number(YamlNode.require(m, "eta", node));
      if (!(eta > 0)) {
        throw m.get("eta").error("eta must be positive");
      }
      YamlNode it = YamlNode.require(m, "iterations", node);
      long iterations = it.longInteger();
      if (iterations < 1000 || iterations > 100_000_000L) {
        throw it.error("iterations must lie in [1000, 100000000]");
      }
      rejectAll(m, List.of("log-time"), "method: flow");
      return new MarginMethod(true, eta, 0, iterations);
    }
    throw methodNode.error("method must be 'flow' or 'gd', got '" + method + "'");
  }

  /** {@code residual: decay} (else {@code tolerance}, the default). */
  private static boolean residualDecay(Map<String, YamlNode> m) {
    if (!m.containsKey("residual")) {
      return false;
    }
    String rm = m.get("residual").text().trim();
    if (!rm.equals("tolerance") && !rm.equals("decay")) {
      throw m.get("residual").error("residual must be 'tolerance' (the default: within tolerance at the end) or 'decay'"
          + " (within tolerance, or still decaying at the predicted exponent)");
    }
    return rm.equals("decay");
  }

  /** Fields that belong to another model or method. */
  private static void rejectAll(Map<String, YamlNode> m, List<String> fields, String owner) {
    for (String f : fields) {
      if (m.containsKey(f)) {
        throw m.get(f).error("'" + f + "' belongs to " + owner);
      }
    }
  }
}
