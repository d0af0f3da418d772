package ibcheck.property;

/** What a property requires of each drawn instance. */
interface InstanceCheck {
  /** Null when the instance satisfies the property, otherwise why not (shown with the counterexample). */
  String failure(Instance instance);
}
