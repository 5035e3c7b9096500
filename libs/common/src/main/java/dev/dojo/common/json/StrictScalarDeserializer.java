package dev.dojo.common.json;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;

import java.io.IOException;

/**
 * Reads one JSON scalar and accepts it only if its JSON type is the one the field declares. Serde's own scalar
 * deserializers coerce ({@code 123} → {@code "123"}, {@code "5"} → {@code 5}, {@code true} → {@code "true"}) and
 * unwrap one-element arrays ({@code ["x"]} → {@code "x"}) with no setting to turn either off; these replace them
 * (a bean outranks Serde's built-ins, see {@code DefaultSerdeRegistry}), so every service that uses dojo-common
 * refuses such input with 400 and a field error.
 *
 * @param <T> the Java type filled
 */
abstract class StrictScalarDeserializer<T> implements Deserializer<T> {

    private final String expected;

    StrictScalarDeserializer(String expected) {
        this.expected = expected;
    }

    /** The value as {@code T}, or null if the decoded JSON value (String, Number, Boolean, List, Map) does not fit. */
    abstract T accept(Object decoded);

    /** What the field wanted, for the refusal of {@code decoded} (a value {@link #accept} refused). */
    String expectedInsteadOf(Object decoded) {
        return expected;
    }

    @Override
    public final T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
        // decodeArbitrary returns the value as its JSON type without coercing; a wrong value is read whole and dropped
        Object decoded = decoder.decodeArbitrary();
        T value = decoded == null ? null : accept(decoded);
        if (value == null) {
            throw new WrongJsonType(decoded == null ? expected : expectedInsteadOf(decoded));
        }
        return value;
    }

    @Override
    public final T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type)
            throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        return deserialize(decoder, context, type);
    }
}
