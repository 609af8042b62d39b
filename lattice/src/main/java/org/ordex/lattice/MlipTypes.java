package org.ordex.lattice;

import java.util.ArrayList;
import java.util.List;

/**
 * The explicit mapping between MLIP atom types (0-based indices into a potential's species,
 * as written in the {@code type} column of a .cfg file) and chemical element names. Type i
 * is {@code elements().get(i)}. Every lookup is checked: an unknown element or a type out of
 * range is bad input. Immutable.
 */
public final class MlipTypes {
  private final List<String> elements;

  private MlipTypes(List<String> elements) {
    if (elements.isEmpty()) {
      throw new InvalidInputException("the species list is empty");
    }
    for (String e : elements) {
      if (e.isBlank() || !e.equals(e.trim())) {
        throw new InvalidInputException("invalid species name '" + e + "' in " + elements);
      }
    }
    if (elements.stream().distinct().count() != elements.size()) {
      throw new InvalidInputException("species list " + elements + " names an element twice");
    }
    this.elements = List.copyOf(elements);
  }

  /** Type i is element {@code elements.get(i)}. */
  public static MlipTypes of(List<String> elements) {
    return new MlipTypes(elements);
  }

  /** Parses a comma-separated list such as {@code Co,Mn,O} (type 0 = Co, 1 = Mn, 2 = O). */
  public static MlipTypes parse(String list) {
    List<String> names = new ArrayList<>();
    for (String s : list.split(",", -1)) {
      names.add(s.trim());
    }
    return new MlipTypes(names);
  }

  /** Number of types. */
  public int count() {
    return elements.size();
  }

  public List<String> elements() {
    return elements;
  }

  /** Element name of type t. */
  public String element(int t) {
    if (t < 0 || t >= elements.size()) {
      throw new InvalidInputException("atom type " + t + " has no element: the species list "
          + elements + " defines types 0.." + (elements.size() - 1));
    }
    return elements.get(t);
  }

  /** Type of an element. */
  public int type(String element) {
    int t = elements.indexOf(element);
    if (t < 0) {
      throw new InvalidInputException("element " + element + " is not in the species list "
          + elements);
    }
    return t;
  }

  /** Types of a list of element names. */
  public int[] types(String[] names) {
    int[] t = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      t[i] = type(names[i]);
    }
    return t;
  }

  /** Checks that this mapping has exactly {@code n} types (the potential's species count). */
  public MlipTypes requireCount(int n, String what) {
    if (elements.size() != n) {
      throw new InvalidInputException("species list " + elements + " has " + elements.size()
          + " elements but " + what + " has " + n + " species");
    }
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MlipTypes m && m.elements.equals(elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }

  @Override
  public String toString() {
    return String.join(",", elements);
  }
}
