package dev.dojo.users.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.endpoints.JwkProvider;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureGeneratorConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The RSA key that signs access tokens (RS256). Micronaut signs with it (bean named "generator"), validates
 * users' own tokens with it, and publishes its public half at {@code GET /keys} (JWKS) for eval (main validates no
 * tokens; it passes them through).
 * Micronaut has no setting for a PEM key pair, hence this bean.
 */
@Singleton
@Named("generator")
public class SigningKey implements RSASignatureGeneratorConfiguration, JwkProvider {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);
    static final String SETTING = "dojo.tokens.private-key-pem (env DOJO_JWT_PRIVATE_KEY_PEM)";

    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final List<JWK> jwks;

    public SigningKey(TokenSettings settings) {
        String pem = settings.privateKeyPem();
        if (pem == null || pem.isBlank()) {
            LOG.warn("No {} set: generated a signing key for this run only; tokens stop working at restart", SETTING);
            RSAPrivateCrtKey generated = generate();
            this.privateKey = generated;
            this.publicKey = publicHalf(generated);
        } else {
            RSAPrivateCrtKey parsed = parse(pem);
            this.privateKey = parsed;
            this.publicKey = publicHalf(parsed);
        }
        this.jwks = List.of(jwk(publicKey));
    }

    @Override
    public RSAPrivateKey getPrivateKey() {
        return privateKey;
    }

    @Override
    public RSAPublicKey getPublicKey() {
        return publicKey;
    }

    @Override
    public JWSAlgorithm getJwsAlgorithm() {
        return JWSAlgorithm.RS256;
    }

    @Override
    public List<JWK> retrieveJsonWebKeys() {
        return jwks;
    }

    /** Accepts real line breaks or literal "\n" (how a PEM often survives an env file). */
    static RSAPrivateCrtKey parse(String pem) {
        String body = pem.replace("\\n", "\n")
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof RSAPrivateCrtKey key) {
                if (key.getModulus().bitLength() < 2048) {
                    throw new ConfigurationException(SETTING + " is shorter than 2048 bits");
                }
                return key;
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // fall through: the message below says what is expected without echoing the key
        }
        throw new ConfigurationException(SETTING + " is not a PKCS#8 RSA private key in PEM"
                + " (-----BEGIN PRIVATE KEY-----; make one with: openssl genpkey -algorithm RSA"
                + " -pkeyopt rsa_keygen_bits:2048)");
    }

    private static RSAPrivateCrtKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM can generate RSA keys", e);
        }
    }

    private static RSAPublicKey publicHalf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA public key from its own private key", e);
        }
    }

    /** The key id is the key's thumbprint, so a rotated key gets a new id without any bookkeeping. */
    private static JWK jwk(RSAPublicKey key) {
        try {
            RSAKey jwk = new RSAKey.Builder(key).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            return new RSAKey.Builder(jwk).keyID(jwk.computeThumbprint().toString()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("thumbprint of an RSA key", e);
        }
    }
}
