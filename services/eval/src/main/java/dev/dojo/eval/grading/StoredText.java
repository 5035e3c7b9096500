package dev.dojo.eval.grading;

import dev.dojo.common.text.Surrogates;

/**
 * Text a program controls — an error message, a value's {@code __repr__} — as PostgreSQL can store it in a
 * submission's JSON: NUL and unpaired surrogates ({@code raise ValueError(chr(0xd800))}) become U+FFFD. Stored as
 * sent, either failed the insert and the learner got a 500.
 */
final class StoredText {

    private StoredText() {
    }

    static String of(String reported) {
        return Surrogates.replaceUnpaired(reported, '\uFFFD').replace('\u0000', '\uFFFD');
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
