package dev.dojo.eval.grading;

import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Conversions into {@link Value}: from the harness's tagged report (untrusted: whatever does not follow the protocol
 * becomes {@link Value.Opaque}, which equals nothing) and from an exercise's expected JSON value.
 */
public final class Values {

    private static final Pattern HEX_INT = Pattern.compile("-?0x[0-9a-f]{1,100000}");
    private static final Pattern FLOAT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?(e[+-][0-9]+)?");
    private static final Value MALFORMED = new Value.Opaque("<malformed value>", "?");

    private Values() {
    }

    /** A value the harness reported (docs/sandbox.md, "Values across the boundary"). */
    public static Value fromReport(JsonNode node) {
        if (node == null) {
            return MALFORMED;
        }
        if (node.isNull()) {
            return Value.NONE;
        }
        if (node.isBoolean()) {
            return new Value.Bool(node.getBooleanValue());
        }
        if (node.isString()) {
            return new Value.Str(node.getStringValue());
        }
        if (node.isArray()) {
            return new Value.PyList(items(node));
        }
        if (!node.isObject()) {
            return MALFORMED; // a bare JSON number is not part of the protocol: it could have lost precision
        }
        if (node.size() == 2 && text(node.get("repr")) != null && text(node.get("type")) != null) {
            return new Value.Opaque(text(node.get("repr")), text(node.get("type")));
        }
        if (node.size() != 1) {
            return MALFORMED;
        }
        JsonNode tagged;
        if ((tagged = node.get("int")) != null) {
            String hex = text(tagged);
            if (hex == null || !HEX_INT.matcher(hex).matches()) {
                return MALFORMED;
            }
            boolean negative = hex.startsWith("-");
            BigInteger magnitude = new BigInteger(hex.substring(negative ? 3 : 2), 16);
            return new Value.Int(negative ? magnitude.negate() : magnitude);
        }
        if ((tagged = node.get("float")) != null) {
            Double value = parseFloat(text(tagged));
            return value == null ? MALFORMED : new Value.Float(value);
        }
        if ((tagged = node.get("tuple")) != null) {
            return tagged.isArray() ? new Value.PyTuple(items(tagged)) : MALFORMED;
        }
        if ((tagged = node.get("dict")) != null) {
            if (!tagged.isArray()) {
                return MALFORMED;
            }
            List<Map.Entry<Value, Value>> entries = new ArrayList<>();
            for (JsonNode pair : tagged.values()) {
                if (!pair.isArray() || pair.size() != 2) {
                    return MALFORMED;
                }
                entries.add(new AbstractMap.SimpleImmutableEntry<>(fromReport(pair.get(0)), fromReport(pair.get(1))));
            }
            return new Value.PyDict(entries);
        }
        return MALFORMED;
    }

    /**
     * An expected value as written in JSON: null → None, true/false → bool, a number without fraction or exponent →
     * int (exact, any size), any other number → float, a string → str, an array → list, an object → dict with str
     * keys.
     */
    public static Value fromExpected(JsonNode node) {
        if (node == null || node.isNull()) {
            return Value.NONE;
        }
        if (node.isBoolean()) {
            return new Value.Bool(node.getBooleanValue());
        }
        if (node.isString()) {
            return new Value.Str(node.getStringValue());
        }
        if (node.isNumber()) {
            Number number = node.getNumberValue();
            if (number instanceof Integer || number instanceof Long || number instanceof Short
                    || number instanceof Byte) {
                return new Value.Int(BigInteger.valueOf(number.longValue()));
            }
            if (number instanceof BigInteger big) {
                return new Value.Int(big);
            }
            if (number instanceof BigDecimal decimal) {
                return new Value.Float(Double.parseDouble(decimal.toString()));
            }
            return new Value.Float(number.doubleValue());
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>();
            for (JsonNode item : node.values()) {
                items.add(fromExpected(item));
            }
            return new Value.PyList(items);
        }
        List<Map.Entry<Value, Value>> entries = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.entries().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            entries.add(new AbstractMap.SimpleImmutableEntry<>(new Value.Str(entry.getKey()),
                    fromExpected(entry.getValue())));
        }
        return new Value.PyDict(entries);
    }

    /** True if the expected value holds a float JSON cannot carry (a literal like 1e400 parses as infinity). */
    public static boolean containsNonFinite(JsonNode node) {
        return node != null && nonFinite(fromExpected(node));
    }

    private static boolean nonFinite(Value value) {
        if (value instanceof Value.Float f) {
            return !Double.isFinite(f.value());
        }
        if (value instanceof Value.PyList l) {
            return l.items().stream().anyMatch(Values::nonFinite);
        }
        if (value instanceof Value.PyDict d) {
            return d.entries().stream().anyMatch(e -> nonFinite(e.getValue()));
        }
        return false;
    }

    /** Python's float repr: digits, nan, inf, -inf. Java's looser syntax (hex, "Infinity", "1d") is refused. */
    static Double parseFloat(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "nan", "-nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> text.length() <= 40 && FLOAT.matcher(text).matches() ? Double.parseDouble(text) : null;
        };
    }

    private static List<Value> items(JsonNode array) {
        List<Value> items = new ArrayList<>();
        for (JsonNode item : array.values()) {
            items.add(fromReport(item));
        }
        return items;
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.getStringValue() : null;
    }
}
