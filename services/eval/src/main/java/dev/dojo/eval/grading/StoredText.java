package dev.dojo.eval.grading;

/**
 * Text a program controls — an error message, a value's {@code __repr__} — as PostgreSQL can store it in a
 * submission's JSON: NUL and unpaired surrogates ({@code raise ValueError(chr(0xd800))}) become U+FFFD. Stored as
 * sent, either failed the insert and the learner got a 500.
 */
final class StoredText {

    private StoredText() {
    }

    static String of(String reported) {
        StringBuilder out = new StringBuilder(reported.length());
        for (int i = 0; i < reported.length(); i++) {
            char c = reported.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < reported.length()
                    && Character.isLowSurrogate(reported.charAt(i + 1))) {
                out.append(c).append(reported.charAt(++i));
            } else {
                out.append(c == '\u0000' || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** The first {@code max} chars of {@code text} at most, never ending inside a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
