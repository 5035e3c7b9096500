package dev.dojo.eval.grading;

import java.util.List;
import java.util.Map;

/**
 * Decides whether a computed value equals the expected one: Python's {@code ==} for the expected value's type, but
 * stricter about types (docs/sandbox.md, "Comparison"). An int matches only an int (a bool is not an int, a float is
 * not an int even when integral), a float only a float, within the exercise's tolerance (default exact), NaN never;
 * a list only a list (never a tuple), a dict only a dict with the same keys in any order; strings compare code point
 * by code point, without Unicode normalisation.
 */
public final class Comparison {

    private Comparison() {
    }

    /**
     * @param tolerance for floats: |actual − expected| ≤ tolerance · max(1, |expected|, |actual|); 0 means exactly equal
     */
    public static boolean matches(Value expected, Value actual, double tolerance) {
        if (expected instanceof Value.None) {
            return actual instanceof Value.None;
        }
        if (expected instanceof Value.Bool e) {
            return actual instanceof Value.Bool a && a.value() == e.value();
        }
        if (expected instanceof Value.Int e) {
            return actual instanceof Value.Int a && a.value().equals(e.value());
        }
        if (expected instanceof Value.Float e) {
            return actual instanceof Value.Float a && floatsMatch(e.value(), a.value(), tolerance);
        }
        if (expected instanceof Value.Str e) {
            return actual instanceof Value.Str a && a.value().equals(e.value());
        }
        if (expected instanceof Value.PyList e) {
            return actual instanceof Value.PyList a && itemsMatch(e.items(), a.items(), tolerance);
        }
        if (expected instanceof Value.PyTuple e) {
            return actual instanceof Value.PyTuple a && itemsMatch(e.items(), a.items(), tolerance);
        }
        if (expected instanceof Value.PyDict e) {
            return actual instanceof Value.PyDict a && dictsMatch(e, a, tolerance);
        }
        return false; // an opaque expectation cannot be met
    }

    static boolean floatsMatch(double expected, double actual, double tolerance) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return false;
        }
        if (expected == actual) {
            return true; // -0.0 == 0.0, as in Python
        }
        if (tolerance == 0 || Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return false;
        }
        double scale = Math.max(1.0, Math.max(Math.abs(expected), Math.abs(actual)));
        return Math.abs(actual - expected) <= tolerance * scale;
    }

    private static boolean itemsMatch(List<Value> expected, List<Value> actual, double tolerance) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!matches(expected.get(i), actual.get(i), tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** Same size and every expected key present with a matching value; keys compare exactly, order is ignored. */
    private static boolean dictsMatch(Value.PyDict expected, Value.PyDict actual, double tolerance) {
        if (expected.entries().size() != actual.entries().size()) {
            return false;
        }
        for (Map.Entry<Value, Value> entry : expected.entries()) {
            Value other = null;
            for (Map.Entry<Value, Value> candidate : actual.entries()) {
                if (matches(entry.getKey(), candidate.getKey(), 0)) {
                    other = candidate.getValue();
                    break;
                }
            }
            if (other == null || !matches(entry.getValue(), other, tolerance)) {
                return false;
            }
        }
        return true;
    }
}
