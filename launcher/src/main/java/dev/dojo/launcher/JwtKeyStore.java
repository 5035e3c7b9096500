package dev.dojo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key users signs tokens with, generated once into {@code <data-dir>/jwt-private-key.pem} (PKCS#8, owner-only)
 * and handed to users as {@code DOJO_JWT_PRIVATE_KEY_PEM}: tokens issued before a restart stay valid after it.
 */
public final class JwtKeyStore {

    static final String FILE = "jwt-private-key.pem";

    private JwtKeyStore() {
    }

    public static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file);
            }
            String pem = generate();
            Files.createDirectories(dataDir);
            Path staging = Files.createTempFile(dataDir, "jwt-", ".pem",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(staging, pem);
            Files.move(staging, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the JWT signing key in " + file, e);
        }
    }

    private static String generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(pkcs8);
            return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no RSA", e);
        }
    }
}
