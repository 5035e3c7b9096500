import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;

/**
 * Stands in for users during the benchmark: serves a JWKS on 127.0.0.1:{@code args[0]}/keys and writes a user
 * token and an admin token (RS256, users' claims) to {@code args[1]}/user.jwt and admin.jwt, one token per wrk
 * thread (user-1.jwt … user-8.jwt: grading allows each account 2 in flight), and learner.jwt / flood.jwt for the
 * fair-share run. Runs until killed.
 */
public class BenchTokens {
    public static void main(String[] args) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 0);
        server.createContext("/keys", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        Files.writeString(Path.of(args[1], "user.jwt"), token(key, 1000, List.of("user")));
        for (int i = 1; i <= 8; i++) {
            Files.writeString(Path.of(args[1], "user-" + i + ".jwt"), token(key, 1000 + i, List.of("user")));
        }
        Files.writeString(Path.of(args[1], "learner.jwt"), token(key, 2000, List.of("user")));
        Files.writeString(Path.of(args[1], "flood.jwt"), token(key, 3000, List.of("user")));
        Files.writeString(Path.of(args[1], "admin.jwt"), token(key, 1, List.of("user", "admin")));
    }

    private static String token(RSAKey key, long id, List<String> roles) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(Long.toString(id)).claim("roles", roles)
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
