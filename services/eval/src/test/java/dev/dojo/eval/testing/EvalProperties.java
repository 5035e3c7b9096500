package dev.dojo.eval.testing;

import dev.dojo.testing.TestDatabase;
import dev.dojo.testing.tokens.TestTokens;

import java.util.Map;

/** Properties every eval test context needs: a fresh database, the test JWKS, and short sandbox limits. */
public final class EvalProperties {

    private EvalProperties() {
    }

    public static Map<String, String> of(String... extra) {
        Map<String, String> properties = TestDatabase.freshProperties("eval");
        properties.put("micronaut.security.token.jwt.signatures.jwks.users.url", TestTokens.jwksUrl());
        // short limits keep the hostile corpus quick; production defaults are in application.yml
        // a loaded 2-core CI machine (load ~50 seen) stretches a correct program past 2 s of wall time: the wall
        // limit is generous, the CPU limit short (1 s), so hostile programs still end quickly
        properties.put("dojo.sandbox.limits.wall-time", "10s");
        properties.put("dojo.sandbox.limits.cpu-seconds", "1");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            properties.put(extra[i], extra[i + 1]);
        }
        return properties;
    }
}
