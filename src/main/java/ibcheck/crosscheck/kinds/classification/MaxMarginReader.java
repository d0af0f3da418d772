package ibcheck.crosscheck.kinds.classification;

import ibcheck.crosscheck.CheckKind;
import ibcheck.crosscheck.KindSupport;
import ibcheck.crosscheck.read.CrosscheckReader;
import ibcheck.crosscheck.read.FieldValues;
import ibcheck.models.ReluFeatures;
import ibcheck.spec.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@code kind: max-margin} cross-check from its fields, already checked against
 * {@link MaxMarginKind#FIELDS}: what depends on the model or the method (the features' width and
 * seed, the flow's log time or the steps of gradient descent), the data and the predictions.
 */
final class MaxMarginReader {
  private MaxMarginReader() {}

  static MaxMarginCheck.Check read(CheckKind.Header header, FieldValues f) {
    Map<String, YamlNode> m = f.nodes();
    YamlNode node = f.owner();
    SeparableData data = SeparableData.read(f.node("data"));
    MarginModel marginModel = model(f, m, node);
    MarginMethod method = method(f, m, node);
    YamlNode predicts = f.node("predicts");
    Map<String, YamlNode> p = predicts.mapping(Set.of("rate", "offset"));
    String rate = YamlNode.require(p, "rate", predicts).text().trim();
    String offset = YamlNode.require(p, "offset", predicts).text().trim();
    KindSupport.Formula loss = f.formula("loss");
    return new MaxMarginCheck.Check(header, marginModel, data, loss.text(), loss.location(), method, rate, offset,
        predicts.location(), f.number("tolerance"), f.number("band"), f.text("residual").equals("decay"));
  }

  /** The features' width and seed (ReLU features only) and the initialisation. */
  private static MarginModel model(FieldValues f, Map<String, YamlNode> m, YamlNode node) {
    String model = f.text("model");
    int width = 0;
    long featureSeed = 0;
    if (model.equals(ReluFeatures.NAME)) {
      YamlNode.require(m, "width", node);
      YamlNode.require(m, "feature-seed", node);
      width = f.integer("width");
      featureSeed = f.longInteger("feature-seed");
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

  /** Gradient flow to a log time, or gradient descent with its step and number of steps. */
  private static MarginMethod method(FieldValues f, Map<String, YamlNode> m, YamlNode node) {
    if (f.text("method").equals("flow")) {
      YamlNode.require(m, "log-time", node);
      rejectAll(m, List.of("eta", "iterations"), "method: gd");
      return new MarginMethod(false, 1, f.number("log-time"), 0);
    }
    YamlNode.require(m, "eta", node);
    YamlNode.require(m, "iterations", node);
    rejectAll(m, List.of("log-time"), "method: flow");
    return new MarginMethod(true, f.number("eta"), 0, f.longInteger("iterations"));
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
