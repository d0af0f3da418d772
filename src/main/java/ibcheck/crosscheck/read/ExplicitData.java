package ibcheck.crosscheck.read;

import ibcheck.models.Dataset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Data written out in the theorem file. */
public record ExplicitData(Dataset data) implements DataSpec {

  @Override
  public Dataset dataset() {
    return data;
  }

  @Override
  public Map<String, Object> evidence() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", data.rows());
    m.put("cols", data.cols());
    m.put("explicit", true);
    return m;
  }
}
