package dev.dojo.users.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signing key from PEM: accepted forms, refused keys (without echoing them), the published JWK. */
class SigningKeyTest {

    @Test
    void aConfiguredPemIsTheKeyThatSignsAndIsPublished() throws Exception {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa(2048);
        SigningKey signing = new SigningKey(settings(pem(key, "\n")));
        assertEquals(key.getModulus(), signing.getPrivateKey().getModulus());
        assertEquals(key.getModulus(), signing.getPublicKey().getModulus());
        assertEquals(key.getPublicExponent(), signing.getPublicKey().getPublicExponent());
        assertEquals(JWSAlgorithm.RS256, signing.getJwsAlgorithm());

        List<JWK> jwks = signing.retrieveJsonWebKeys();
        assertEquals(1, jwks.size());
        RSAKey jwk = jwks.get(0).toRSAKey();
        assertEquals(key.getModulus(), jwk.toRSAPublicKey().getModulus());
        assertEquals(KeyUse.SIGNATURE, jwk.getKeyUse());
        assertEquals(JWSAlgorithm.RS256, jwk.getAlgorithm());
        assertEquals(jwk.computeThumbprint().toString(), jwk.getKeyID());
        assertTrue(!jwk.isPrivate(), "the JWKS must not publish the private half");
    }

    @Test
    void aPemWithLiteralBackslashNsIsRead() throws Exception {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa(2048);
        assertEquals(key.getModulus(), SigningKey.parse(pem(key, "\\n")).getModulus());
    }

    @Test
    void withoutAPemAKeyIsGeneratedForTheRun() {
        for (String none : new String[] {null, "", "  \n"}) {
            SigningKey signing = new SigningKey(settings(none));
            assertEquals(2048, signing.getPrivateKey().getModulus().bitLength());
            assertEquals(signing.getPrivateKey().getModulus(), signing.getPublicKey().getModulus());
        }
    }

    @Test
    void aKeyShorterThan2048BitsIsRefused() throws Exception {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> SigningKey.parse(pem(rsa(1024), "\n")));
        assertTrue(e.getMessage().contains("shorter than 2048 bits"), e.getMessage());
    }

    @Test
    void somethingElseThanAPkcs8RsaKeyIsRefusedWithoutEchoingIt() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        for (String bad : new String[] {"not a key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
                pem(ec.generateKeyPair().getPrivate(), "\n")}) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> SigningKey.parse(bad));
            assertTrue(e.getMessage().contains("is not a PKCS#8 RSA private key"), e.getMessage());
            assertTrue(!e.getMessage().contains("AAAA") && !e.getMessage().contains("not a key"), e.getMessage());
        }
    }

    private static PrivateKey rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair().getPrivate();
    }

    private static String pem(PrivateKey key, String lineBreak) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        String pem = "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
        return pem.replace("\n", lineBreak);
    }

    private static TokenSettings settings(String pem) {
        return new TokenSettings(Duration.ofMinutes(15), Duration.ofDays(30), pem, 10);
    }
}
