package dev.dojo.eval.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Python literal text of a {@link Value}, as the learner sees expected and actual values: {@code 5}, {@code 5.0}, {@code 'a'}, {@code (1, 2)}. */
public final class Literal {

    /** Displayed values are cut here: a value can be up to the report's size. */
    static final int MAX_CHARS = 1000;

    private Literal() {
    }

    public static String of(Value value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        String text = out.length() > MAX_CHARS ? StoredText.cut(out.toString(), MAX_CHARS - 1) + "…" : out.toString();
        // an opaque value's repr is the program's own text
        return StoredText.of(text);
    }

    private static void write(Value value, StringBuilder out) {
        if (out.length() > MAX_CHARS) {
            return;
        }
        if (value instanceof Value.None) {
            out.append("None");
        } else if (value instanceof Value.Bool b) {
            out.append(b.value() ? "True" : "False");
        } else if (value instanceof Value.Int i) {
            out.append(i.value().bitLength() > 4 * MAX_CHARS ? "<int of " + i.value().bitLength() + " bits>"
                    : i.value().toString());
        } else if (value instanceof Value.Float f) {
            out.append(pythonFloat(f.value()));
        } else if (value instanceof Value.Str s) {
            quote(s.value(), out);
        } else if (value instanceof Value.PyList l) {
            sequence("[", l.items(), "]", out);
        } else if (value instanceof Value.PyTuple t) {
            sequence("(", t.items(), t.items().size() == 1 ? ",)" : ")", out);
        } else if (value instanceof Value.PyDict d) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<Value, Value> entry : d.entries()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                write(entry.getKey(), out);
                out.append(": ");
                write(entry.getValue(), out);
                if (out.length() > MAX_CHARS) {
                    return;
                }
            }
            out.append('}');
        } else if (value instanceof Value.Opaque o) {
            out.append(StoredText.cut(o.repr(), MAX_CHARS));
        }
    }

    private static void sequence(String open, List<Value> items, String close, StringBuilder out) {
        out.append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(items.get(i), out);
            if (out.length() > MAX_CHARS) {
                return;
            }
        }
        out.append(close);
    }

    /** Python's repr(float): the shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                + Math.abs(exponent);
    }

    /** Python's repr(str): single quotes unless the text holds a ' and no ". */
    private static void quote(String text, StringBuilder out) {
        char q = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(q);
        for (int i = 0; i < text.length() && out.length() <= MAX_CHARS; i++) {
            char c = text.charAt(i);
            if (c == q || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append(q);
    }
}
