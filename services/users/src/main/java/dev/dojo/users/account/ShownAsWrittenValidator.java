package dev.dojo.users.account;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.text.Normalizer;

/**
 * Checks {@link ShownAsWritten}. Refused: every code point of the categories that draw nothing or draw what the font
 * decides — controls (Cc), format characters (Cf: zero-width joiners and spaces, direction marks and overrides,
 * the soft hyphen, the invisible tag characters U+E0000–E007F that spell "dojoadmin" + anything as "dojoadmin"),
 * line and paragraph separators, spaces other than U+0020, private use (Co), noncharacters and lone surrogates —
 * and the default-ignorable or blank-looking letters and marks of other categories (variation selectors, Hangul
 * fillers, the combining grapheme joiner, Mongolian and Khmer invisibles, the Braille blank). Unassigned code points
 * pass: they may be letters or emoji of a Unicode newer than this JVM's, and they never draw as nothing.
 */
@Singleton
public class ShownAsWrittenValidator implements ConstraintValidator<ShownAsWritten, String> {

    @Override
    public boolean isValid(@Nullable String value, AnnotationValue<ShownAsWritten> annotation,
                           ConstraintValidatorContext context) {
        if (value == null) {
            return true; // @NotNull's to report
        }
        if (value.codePoints().anyMatch(ShownAsWrittenValidator::hidden)) {
            context.messageTemplate(ShownAsWritten.INVISIBLE);
            return false;
        }
        if (value.startsWith(" ") || value.endsWith(" ") || value.contains("  ")) {
            context.messageTemplate(ShownAsWritten.SPACING);
            return false;
        }
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            context.messageTemplate(ShownAsWritten.NOT_NFC);
            return false;
        }
        // NFKC folds what only looks different (full-width letters and digits, ligatures, superscripts, the
        // micro sign): text already in it has no second spelling that reads the same
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFKC)) {
            context.messageTemplate(ShownAsWritten.NOT_NFKC);
            return false;
        }
        return true;
    }

    static boolean hidden(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return true;
            case Character.SPACE_SEPARATOR:
                return c != ' ';
            default:
                return (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF) // noncharacters
                        || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                        || (c >= 0x180B && c <= 0x180F) || c == 0x2800 || c == 0x3164 || c == 0xFFA0
                        || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
        }
    }
}
