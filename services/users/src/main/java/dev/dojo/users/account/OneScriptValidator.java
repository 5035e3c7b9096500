package dev.dojo.users.account;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static java.lang.Character.UnicodeScript.BOPOMOFO;
import static java.lang.Character.UnicodeScript.HAN;
import static java.lang.Character.UnicodeScript.HANGUL;
import static java.lang.Character.UnicodeScript.HIRAGANA;
import static java.lang.Character.UnicodeScript.KATAKANA;
import static java.lang.Character.UnicodeScript.LATIN;

/**
 * Checks {@link OneScript} with the JDK's Unicode script property: the scripts of a value's code points, leaving out
 * Common (digits, punctuation, symbols), Inherited (combining marks) and Unknown (unassigned: a newer Unicode's
 * letters), are one, or within one of the language mixes.
 */
@Singleton
public class OneScriptValidator implements ConstraintValidator<OneScript, String> {

    private static final List<Set<UnicodeScript>> MIXES = List.of(
            EnumSet.of(LATIN, HAN, HIRAGANA, KATAKANA), EnumSet.of(LATIN, HAN, BOPOMOFO), EnumSet.of(LATIN, HAN, HANGUL));

    @Override
    public boolean isValid(@Nullable String value, AnnotationValue<OneScript> annotation,
                           ConstraintValidatorContext context) {
        if (value == null) {
            return true; // @NotNull's to report
        }
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        // characters that draw nothing (an Arabic letter mark, say) are ShownAsWritten's to report
        value.codePoints().filter(c -> !ShownAsWrittenValidator.hidden(c)).mapToObj(UnicodeScript::of)
                .filter(OneScriptValidator::own).forEach(scripts::add);
        return scripts.size() <= 1 || MIXES.stream().anyMatch(mix -> mix.containsAll(scripts));
    }

    private static boolean own(UnicodeScript script) {
        return script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED && script != UnicodeScript.UNKNOWN;
    }
}
