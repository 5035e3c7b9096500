package dev.dojo.common.negotiation;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A caller's {@code Accept} header as Micronaut can read it. Micronaut matches a route's media types against the
 * header's ranges by name alone and copies the first range's parameters into the answer's {@code Content-Type}, so
 * <ul>
 * <li>a range naming a type's every subtype, {@code application/*}, matched no route (406), where RFC 9110 §12.5.1
 * says it accepts {@code application/json}: it is followed by the concrete types the service produces under it;</li>
 * <li>the first range's parameters came back in the answer ({@code application/json;charset=utf-7} declared a UTF-8
 * body UTF-7, {@code ;q=0.5} was sent back as part of the media type): they are dropped — no route of ours answers
 * by them — and the ranges put in the order of their {@code q} instead, a range with {@code q=0} left out (a header
 * that then refuses everything is disregarded, which RFC 9110 §12.5.1 allows; Micronaut ignored q=0 anyway), a
 * {@code q} that is no qvalue read as 1;</li>
 * <li>white space before a {@code ;} (RFC 9110 allows it) made the range unreadable (406), and
 * {@code APPLICATION/JSON} came back upper-case: names are trimmed and lower-cased.</li>
 * </ul>
 * A header that is not a list of {@code type/subtype} ranges is left as it is: Micronaut's reading of it stands.
 */
final class AcceptHeader {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]+");
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    /** type → the subtypes of it that the service's routes produce, e.g. application → [json, yaml] */
    private final Map<String, List<String>> produced;

    AcceptHeader(Map<String, List<String>> produced) {
        this.produced = produced;
    }

    /**
     * {@code accept} rewritten (empty: it refuses everything, and is to be removed), or null when it is to stay as it
     * is (already plain, or not readable as ranges).
     */
    @Nullable
    String rewrite(String accept) {
        if (plain(accept)) {
            return null; // the usual case, decided in one pass without allocating
        }
        List<String> elements = split(accept, ',');
        if (elements == null) {
            return null;
        }
        List<Range> ranges = new ArrayList<>();
        for (String element : elements) {
            if (element.isBlank()) {
                continue; // an empty list element (RFC 9110 §5.6.1)
            }
            List<String> parts = split(element, ';');
            String name = parts == null ? null : parts.get(0).strip().toLowerCase(Locale.ROOT);
            int slash = name == null ? -1 : name.indexOf('/');
            if (slash < 0 || !TOKEN.matcher(name.substring(0, slash)).matches()
                    || !TOKEN.matcher(name.substring(slash + 1)).matches()) {
                return null;
            }
            double q = quality(parts);
            ranges.add(new Range(name, q));
            String type = name.substring(0, slash);
            if (name.endsWith("/*") && !type.equals("*")) {
                for (String subtype : produced.getOrDefault(type, List.of())) {
                    ranges.add(new Range(type + "/" + subtype, q));
                }
            }
        }
        // most wanted first (a stable sort: the caller's order among equals), each type once, at its best
        ranges.sort(Comparator.comparingDouble(Range::q).reversed());
        Set<String> names = new LinkedHashSet<>();
        for (Range range : ranges) {
            if (range.q() > 0) {
                names.add(range.name());
            }
        }
        String rewritten = String.join(", ", names);
        return rewritten.equals(accept) ? null : rewritten;
    }

    private record Range(String name, double q) {
    }

    /** No parameter, quote, upper-case letter or {@code type/*} range: nothing to rewrite. */
    private static boolean plain(String accept) {
        for (int i = 0; i < accept.length(); i++) {
            char c = accept.charAt(i);
            if (c == ';' || c == '"' || (c >= 'A' && c <= 'Z')) {
                return false;
            }
            if (c == '*' && i > 0 && accept.charAt(i - 1) == '/' && (i < 2 || accept.charAt(i - 2) != '*')) {
                return false;
            }
        }
        return true;
    }

    /** The range's {@code q} (the last one given; 1 when there is none or it is no qvalue). */
    private static double quality(List<String> parts) {
        double q = 1.0;
        for (String parameter : parts.subList(1, parts.size())) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("q")) {
                String value = parameter.substring(equals + 1).strip();
                q = QVALUE.matcher(value).matches() ? Double.parseDouble(value) : 1.0;
            }
        }
        return q;
    }

    /** {@code text} split at each {@code separator} outside a quoted string; null when a quote is not closed. */
    @Nullable
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++; // a quoted-pair: the next character is literal
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (quoted) {
            return null;
        }
        parts.add(text.substring(start));
        return parts;
    }
}
