package ibcheck.verdict;

/** The three legs of a theorem check, as named in summary.json. */
public enum ClaimKind {
  SYMBOLIC("symbolic"),
  CROSSCHECK("crosscheck"),
  PROPERTY("property");

  private final String label;

  ClaimKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
