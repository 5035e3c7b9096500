package dev.dojo.users.account;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that other people are shown (a username, an email in the users list) must look like no other text: no
 * control, format, invisible or private-use characters, no space at either end or two in a row (a page shows
 * "michael " and "a  b" as "michael" and "a b"), in Unicode normalization form C, so that "ń" and "n" + U+0301
 * cannot be two accounts that read alike, and without compatibility characters (form KC), so that the full-width
 * "ｍｉｃｈａｅｌ" or "ﬁ" cannot pass for "michael" or "fi". {@link ShownAsWrittenValidator} says which characters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Constraint(validatedBy = {})
public @interface ShownAsWritten {

    String INVISIBLE = "must not contain control or invisible characters";
    String NOT_NFC = "must be in Unicode normalization form C (NFC)";
    String NOT_NFKC = "must not contain full-width, ligature or other compatibility characters (Unicode NFKC)";
    String SPACING = "must not begin or end with a space or hold two spaces in a row";

    String message() default INVISIBLE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
