package dev.dojo.common.json;

import dev.dojo.common.text.Surrogates;
import jakarta.inject.Singleton;

import java.math.BigInteger;

/** The strict replacements for Serde's String, Integer, Long, Double and Boolean deserializers. */
final class StrictScalars {

    private StrictScalars() {
    }

    @Singleton
    static final class Strings extends StrictScalarDeserializer<String> {
        Strings() {
            super("a string");
        }

        /**
         * A JSON string with an unpaired surrogate escape ({@code "\\ud800"}) is no Unicode text: PostgreSQL and
         * UTF-8 would store it as {@code ?}, a value the client never sent.
         */
        @Override
        String accept(Object decoded) {
            return decoded instanceof String text && Surrogates.firstUnpaired(text, 0) < 0 ? text : null;
        }

        @Override
        String expectedInsteadOf(Object decoded) {
            return decoded instanceof String ? "valid Unicode text" : super.expectedInsteadOf(decoded);
        }

    }

    @Singleton
    static final class Booleans extends StrictScalarDeserializer<Boolean> {
        Booleans() {
            super("true or false");
        }

        @Override
        Boolean accept(Object decoded) {
            return decoded instanceof Boolean flag ? flag : null;
        }
    }

    @Singleton
    static final class Longs extends StrictScalarDeserializer<Long> {
        Longs() {
            super("an integer");
        }

        @Override
        Long accept(Object decoded) {
            return whole(decoded, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    @Singleton
    static final class Integers extends StrictScalarDeserializer<Integer> {
        Integers() {
            super("an integer");
        }

        @Override
        Integer accept(Object decoded) {
            Long value = whole(decoded, Integer.MIN_VALUE, Integer.MAX_VALUE);
            return value == null ? null : value.intValue();
        }
    }

    @Singleton
    static final class Doubles extends StrictScalarDeserializer<Double> {
        Doubles() {
            super("a number");
        }

        /** Any JSON number a double holds: {@code "0.1"} and {@code [0.1]} were read as 0.1, {@code true} as 1. */
        @Override
        Double accept(Object decoded) {
            if (!(decoded instanceof Number number)) {
                return null;
            }
            double value = number.doubleValue();
            return Double.isFinite(value) ? value : null;
        }
    }

    /** A JSON integer (no fraction, no exponent form the parser reads as a float) within [min, max], else null. */
    private static Long whole(Object decoded, long min, long max) {
        long value;
        if (decoded instanceof Integer || decoded instanceof Long || decoded instanceof Short
                || decoded instanceof Byte) {
            value = ((Number) decoded).longValue();
        } else if (decoded instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            value = big.longValue();
        } else {
            return null;
        }
        return value >= min && value <= max ? value : null;
    }
}
