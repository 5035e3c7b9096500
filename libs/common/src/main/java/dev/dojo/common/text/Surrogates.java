package dev.dojo.common.text;

/**
 * Unpaired UTF-16 surrogates: a Java string can hold one (a JSON {@code "\ud800"} escape, a Python
 * {@code chr(0xd800)} reported by a sandboxed program), UTF-8 text and PostgreSQL cannot. One walk over the pairs,
 * for the services that refuse such text (strict JSON strings) and those that must store it anyway (a program's
 * error message).
 */
public final class Surrogates {

    private Surrogates() {
    }

    /** The index of the first surrogate at or after {@code from} that is not half of a pair, or -1. */
    public static int firstUnpaired(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with every unpaired surrogate replaced by {@code replacement}; {@code text} itself if none. */
    public static String replaceUnpaired(String text, char replacement) {
        int unpaired = firstUnpaired(text, 0);
        if (unpaired < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        while (unpaired >= 0) {
            out.setCharAt(unpaired, replacement);
            unpaired = firstUnpaired(text, unpaired + 1);
        }
        return out.toString();
    }
}
