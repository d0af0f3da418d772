package ibcheck.crosscheck.kinds.relu1d;

/** The definitions the relu1d kind tests share: a Gaussian density and the file's zeta under test. */
final class Relu1dFiles {
  private Relu1dFiles() {}

  /** {@code symbols:} and {@code define:} with {@code zetaG(x, sw, sb)} defined as {@code zeta}. */
  static String definitions(String zeta) {
    return "symbols: {x: real, sw: positive, sb: positive}\ndefine:\n"
        + "  pN(t_, s_): Exp(-t^2/(2*s^2))/(Sqrt(2*Pi)*s)\n"
        + "  zetaG(x_, sw_, sb_): " + zeta + "\n";
  }
}
