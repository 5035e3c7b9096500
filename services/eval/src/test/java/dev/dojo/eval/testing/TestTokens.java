package dev.dojo.eval.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Stands in for the users service's token issuing: one RSA key per test JVM, published as a JWKS by a real
 * loopback HTTP server, and RS256 tokens with the claims users issues ({@code sub} = user id, {@code roles}).
 */
public final class TestTokens {

    private static RSAKey key;
    private static String jwksUrl;

    private TestTokens() {
    }

    public static synchronized String jwksUrl() {
        if (jwksUrl == null) {
            try {
                key = new RSAKeyGenerator(2048).keyID("test-key").generate();
                byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/keys", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(jwks);
                    }
                });
                server.setExecutor(null);
                server.start();
                jwksUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/keys";
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    /** Signed with a key nobody published. */
    public static String forged(long id) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID("test-key").generate();
            return sign(other, id, List.of("user", "admin"), Instant.now().plusSeconds(900));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(long id, List<String> roles, Instant expires) {
        jwksUrl();
        return sign(key, id, roles, expires);
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
