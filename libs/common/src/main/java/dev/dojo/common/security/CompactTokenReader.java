package dev.dojo.common.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.bearer.BearerTokenConfiguration;
import io.micronaut.security.token.bearer.BearerTokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Micronaut's bearer token reader, taking only a token in the one spelling Dojo issues: three base64url parts
 * without padding, each in its canonical form (the bits after the last whole byte zero). Nimbus decodes more —
 * {@code =} padding, and the 16 spellings of a 256-byte signature's last character — so one token had many
 * accepted spellings, each verified afresh, none equal to the issued string. Anything else is read as no token and
 * answered "Invalid token." ({@link TokenRejection}: the header is there).
 */
@Singleton
@Requires(classes = BearerTokenReader.class)
@Replaces(BearerTokenReader.class)
public class CompactTokenReader extends BearerTokenReader {

    private static final int PARTS = 3;

    public CompactTokenReader(BearerTokenConfiguration configuration) {
        super(configuration);
    }

    @Override
    protected Optional<String> extractTokenFromAuthorization(String authorization) {
        return super.extractTokenFromAuthorization(authorization).filter(CompactTokenReader::canonical);
    }

    /** Whether {@code token} is three non-empty base64url parts, each as a base64url encoder writes it. */
    static boolean canonical(String token) {
        int parts = 0;
        int start = 0;
        for (int i = 0; i <= token.length(); i++) {
            if (i == token.length() || token.charAt(i) == '.') {
                if (++parts > PARTS || !canonicalPart(token, start, i)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return parts == PARTS;
    }

    private static boolean canonicalPart(String token, int from, int to) {
        int length = to - from;
        if (length == 0 || length % 4 == 1) {
            return false; // one character holds 6 bits: never a whole byte
        }
        int last = 0;
        for (int i = from; i < to; i++) {
            last = value(token.charAt(i));
            if (last < 0) {
                return false;
            }
        }
        // 2 characters left over carry 1 byte and 4 spare bits, 3 carry 2 bytes and 2: the spare bits must be 0
        int spareMask = switch (length % 4) {
            case 2 -> 0b1111;
            case 3 -> 0b11;
            default -> 0;
        };
        return (last & spareMask) == 0;
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }
}
