package ibcheck.crosscheck.read;

import ibcheck.models.Dataset;
import java.util.Map;

/** Where a cross-check's regression data comes from. */
public interface DataSpec {

  Dataset dataset();

  /** How the data was made, for the report. */
  Map<String, Object> evidence();
}
