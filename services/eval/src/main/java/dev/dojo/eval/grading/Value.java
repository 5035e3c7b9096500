package dev.dojo.eval.grading;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A Python value as it crossed the sandbox boundary (or as an expected value maps to Python): exact ints of any size,
 * floats bit for bit, and the container types kept apart (a tuple is not a list). {@link Opaque} stands for anything
 * else, and for anything malformed: it equals nothing.
 */
public sealed interface Value {

    record None() implements Value {
    }

    record Bool(boolean value) implements Value {
    }

    record Int(BigInteger value) implements Value {
    }

    record Float(double value) implements Value {
    }

    record Str(String value) implements Value {
    }

    record PyList(List<Value> items) implements Value {
    }

    record PyTuple(List<Value> items) implements Value {
    }

    record PyDict(List<Map.Entry<Value, Value>> entries) implements Value {
    }

    /** @param repr the sandbox's repr text (display only), {@code type} its type name */
    record Opaque(String repr, String type) implements Value {
    }

    None NONE = new None();
}
