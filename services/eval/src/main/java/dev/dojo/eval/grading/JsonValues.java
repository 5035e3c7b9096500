package dev.dojo.eval.grading;

import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Compares a value the sandbox reported with the expected one. Numbers compare by value (5 equals 5.0);
 * non-integral numbers within a relative 1e-9, so float rounding does not fail a correct solution.
 */
public final class JsonValues {

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");

    private JsonValues() {
    }

    static boolean matches(JsonNode expected, JsonNode actual) {
        if (expected == null || expected.isNull()) {
            return actual == null || actual.isNull();
        }
        if (actual == null || actual.isNull()) {
            return false;
        }
        if (expected.isNumber() && actual.isNumber()) {
            if (containsNonFinite(expected) || containsNonFinite(actual)) {
                return false; // BigDecimal cannot hold them, and the harness never reports them
            }
            return numbersMatch(new BigDecimal(expected.getNumberValue().toString()),
                    new BigDecimal(actual.getNumberValue().toString()));
        }
        if (expected.isString() && actual.isString()) {
            return expected.getStringValue().equals(actual.getStringValue());
        }
        if (expected.isBoolean() && actual.isBoolean()) {
            return expected.getBooleanValue() == actual.getBooleanValue();
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> entries = expected.entries().iterator();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                JsonNode other = actual.get(entry.getKey());
                if (other == null || !matches(entry.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * True if the value holds a number JSON cannot carry: a literal like 1e400 parses to an infinite double, which
     * neither the harness (it reports no infinities) nor PostgreSQL's json can represent.
     */
    public static boolean containsNonFinite(JsonNode value) {
        if (value == null) {
            return false;
        }
        if (value.isNumber()) {
            Number number = value.getNumberValue();
            return (number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue());
        }
        if (value.isArray() || value.isObject()) {
            for (JsonNode child : value.values()) {
                if (containsNonFinite(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean numbersMatch(BigDecimal expected, BigDecimal actual) {
        if (expected.compareTo(actual) == 0) {
            return true;
        }
        if (expected.stripTrailingZeros().scale() <= 0 && actual.stripTrailingZeros().scale() <= 0) {
            return false;
        }
        BigDecimal scale = expected.abs().max(actual.abs()).max(BigDecimal.ONE);
        return expected.subtract(actual).abs().compareTo(scale.multiply(TOLERANCE)) <= 0;
    }
}
