package dev.dojo.users.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.dojo.testing.api.JsonApi.Reply;
import dev.dojo.users.UsersTest;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a token can be wrong, the claims of a right one, and the JWKS other services validate with. */
@MicronautTest(transactional = false)
class TokenSecurityTest extends UsersTest {

    private static final String INVALID = "Invalid token. Please log in again.";
    private static final String MISSING = "Provide a valid auth token.";

    @Inject
    SigningKey signingKey;
    @Inject
    TokenGenerator generator;

    private String token;
    private String userId;

    @BeforeAll
    void setUp() throws Exception {
        token = api.registerFresh("a long enough password").authToken();
        userId = SignedJWT.parse(token).getJWTClaimsSet().getSubject();
    }

    @Test
    void tokensCarryTheAgreedClaimsAndAreRs256WithAKeyId() throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertNotNull(jwt.getHeader().getKeyID());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertTrue(userId.matches("\\d+"));
        assertEquals(List.of("user"), claims.getStringListClaim("roles"));
        assertNotNull(claims.getIssueTime());
        long lifetime = claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
        assertEquals(15 * 60 * 1000, lifetime);
    }

    @Test
    void jwksPublishesTheKeyThatVerifiesTokens() throws Exception {
        Reply keys = api.get("/keys");
        assertEquals(200, keys.status());
        JWKSet set = JWKSet.parse(keys.body());
        assertEquals(1, set.getKeys().size());
        RSAKey key = set.getKeys().get(0).toRSAKey();
        assertTrue(!key.isPrivate(), "only the public half is published");
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(key.getKeyID(), jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
    }

    @Test
    void missingOrGarbledHeaderAsksForAToken() {
        api.get("/auth/status").expectFail(401, MISSING);
        api.getWithAuthorization("/auth/status", "").expectFail(401, MISSING);
        api.getWithAuthorization("/auth/status", "Bearer").expectFail(401, MISSING);
        api.getWithAuthorization("/auth/status", "Bearer ").expectFail(401, MISSING);
        api.getWithAuthorization("/auth/status", "Basic dXNlcjpwYXNz").expectFail(401, MISSING);
        api.getWithAuthorization("/auth/status", token).expectFail(401, MISSING);
        api.getWithAuthorization("/auth/status", "Bearer Bearer " + token).expectFail(401, MISSING);
    }

    @Test
    void malformedTokensAreInvalid() {
        for (String bad : List.of("abc", "a.b.c", "a.b", token + "x", token.substring(0, token.length() - 5),
                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.")) {
            api.get("/auth/status", bad).expectFail(401, INVALID);
        }
    }

    /** One token, one spelling: padding or a signature's spare bits set are what a lenient decoder reads alike. */
    @Test
    void otherSpellingsOfAValidTokenAreInvalid() {
        api.get("/auth/status", token).expect(200, "success", null);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        String spareBitSet = token.substring(0, token.length() - 1) + alphabet.charAt(last | 1);
        String[] parts = token.split("\\.");
        for (String bad : List.of(token + "=", token + "==", spareBitSet, parts[0] + "=." + parts[1] + "." + parts[2],
                token.replace('-', '+').replace('_', '/'))) {
            if (!bad.equals(token)) {
                api.get("/auth/status", bad).expectFail(401, INVALID);
            }
        }
    }

    @Test
    void aTamperedPayloadIsInvalid() throws Exception {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"roles\":[\"user\"]", "\"roles\":[\"user\",\"admin\"]");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        api.get("/auth/status", forged).expectFail(401, INVALID);
        api.post("/users", Map.of("username", "forger1", "email", "forger@example.com",
                "password", "a long enough password"), forged).expectFail(401, INVALID);
    }

    @Test
    void algNoneIsInvalid() {
        String unsigned = new PlainJWT(claims(Instant.now().plusSeconds(600))).serialize();
        api.get("/auth/status", unsigned).expectFail(401, INVALID);
    }

    @Test
    void hs256SignedWithThePublicKeyIsInvalid() throws Exception {
        byte[] publicKey = signingKey.getPublicKey().getEncoded();
        SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(Instant.now().plusSeconds(600)));
        confused.sign(new MACSigner(publicKey));
        api.get("/auth/status", confused.serialize()).expectFail(401, INVALID);
    }

    @Test
    void aTokenFromAnotherKeyIsInvalid() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        RSAPrivateKey otherKey = (RSAPrivateKey) rsa.generateKeyPair().getPrivate();
        api.get("/auth/status", rs256(otherKey, claims(Instant.now().plusSeconds(600)), signingKeyId()))
                .expectFail(401, INVALID);
        // expired and from the wrong key: the signature is checked first, so it is invalid, not expired
        api.get("/auth/status", rs256(otherKey, claims(Instant.now().minusSeconds(600)), signingKeyId()))
                .expectFail(401, INVALID);
    }

    /**
     * A token that brings its own key — embedded ({@code jwk}) or by address ({@code jku}, {@code x5u}) — under our
     * key id is checked against users' keys only: the attacker's key in its header is never used.
     */
    @Test
    void aKeyTheTokenBringsItselfIsNotTrusted() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair attacker = rsa.generateKeyPair();
        RSAKey attackerJwk = new RSAKey.Builder((RSAPublicKey) attacker.getPublic())
                .keyID(signingKeyId()).build();
        List<JWSHeader> headers = List.of(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKeyId()).jwk(attackerJwk).build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKeyId())
                        .jwkURL(URI.create("http://127.0.0.1:9/jwks.json")).build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKeyId())
                        .x509CertURL(URI.create("http://127.0.0.1:9/cert.pem")).build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(attackerJwk).build());
        for (JWSHeader header : headers) {
            SignedJWT forged = new SignedJWT(header, claims(Instant.now().plusSeconds(600)));
            forged.sign(new RSASSASigner((RSAPrivateKey) attacker.getPrivate()));
            api.get("/auth/status", forged.serialize()).expectFail(401, INVALID);
        }
    }

    @Test
    void ourKeyButNoExpiryIsInvalid() throws Exception {
        JWTClaimsSet noExp = new JWTClaimsSet.Builder().subject(userId).issueTime(new Date())
                .claim("roles", List.of("user")).build();
        api.get("/auth/status", rs256(signingKey.getPrivateKey(), noExp, signingKeyId())).expectFail(401, INVALID);
    }

    @Test
    void anExpiredTokenSaysSo() {
        long now = Instant.now().getEpochSecond();
        String expired = generator.generateToken(Map.of("sub", userId, "roles", List.of("user"),
                "iat", now - 120, "exp", now - 60)).orElseThrow();
        api.get("/auth/status", expired).expectFail(401, "Signature expired. Please log in again.");
        api.get("/auth/logout", expired).expectFail(401, "Signature expired. Please log in again.");
    }

    @Test
    void aValidTokenStillWorks() {
        Reply status = api.get("/auth/status", token).expect(200, "success", null);
        assertEquals(userId, String.valueOf(status.data().get("id")));
        assertEquals(true, status.data().get("active"));
    }

    private JWTClaimsSet claims(Instant expiry) {
        return new JWTClaimsSet.Builder().subject(userId).issueTime(new Date())
                .expirationTime(Date.from(expiry)).claim("roles", List.of("user", "admin")).build();
    }

    private String signingKeyId() {
        return signingKey.retrieveJsonWebKeys().get(0).getKeyID();
    }

    private static String rs256(RSAPrivateKey key, JWTClaimsSet claims, String keyId) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
