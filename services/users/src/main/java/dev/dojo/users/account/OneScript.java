package dev.dojo.users.account;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A username is written in one script — or in one of the mixes a language writes in (Japanese: Latin, Han,
 * Hiragana, Katakana; Chinese: Latin, Han, Bopomofo; Korean: Latin, Han, Hangul), UTS #39's "highly restrictive"
 * level — so that "michаel" with a Cyrillic "а" cannot pass for "michael" in the users list. Digits, punctuation and
 * combining marks belong to every script. {@link OneScriptValidator} checks it; ADR 0073.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Constraint(validatedBy = {})
public @interface OneScript {

    String MIXED = "must not mix letters of different scripts";

    String message() default MIXED;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
