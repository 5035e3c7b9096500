package dev.dojo.testing.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.dojo.testing.net.StandInServer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Stands in for the users service's token issuing in the other services' tests: one RSA key per test JVM, published
 * as a JWKS by a real loopback HTTP server, and RS256 tokens with the claims users issues ({@code sub} = user id,
 * {@code roles}). Point a service at {@link #jwksUrl()} with
 * {@code micronaut.security.token.jwt.signatures.jwks.users.url}.
 */
public final class TestTokens {

    private static RSAKey key;
    private static String jwksUrl;

    private TestTokens() {
    }

    public static synchronized String jwksUrl() {
        if (jwksUrl == null) {
            key = newKey();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            // lives as long as the test JVM, like the key
            jwksUrl = StandInServer.on(0).serve("/keys", "application/json", jwks).start().url() + "/keys";
        }
        return jwksUrl;
    }

    public static String user(long id) {
        return sign(id, List.of("user"), Instant.now().plusSeconds(900));
    }

    public static String admin(long id) {
        return sign(id, List.of("user", "admin"), Instant.now().plusSeconds(900));
    }

    public static String expired(long id) {
        return sign(id, List.of("user"), Instant.now().minusSeconds(60));
    }

    /** Signed with a key nobody published (same key id as the real one). */
    public static String forged(long id) {
        return sign(newKey(), id, List.of("user", "admin"), Instant.now().plusSeconds(900));
    }

    private static String sign(long id, List<String> roles, Instant expires) {
        jwksUrl();
        return sign(key, id, roles, expires);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey signingKey, long id, List<String> roles, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(Long.toString(id))
                    .claim("roles", roles)
                    .issueTime(Date.from(Instant.now().minusSeconds(120)))
                    .expirationTime(Date.from(expires))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
