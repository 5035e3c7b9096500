package dev.dojo.main;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test properties that point main's three routes at loopback services ({@code micronaut.http.services.<route>.url}),
 * plus a test's own settings as key/value pairs: every main test needs all three routes set, most care about one.
 */
public final class ServiceRoutes {

    /** A port nothing listens on, for a route the test never calls. */
    public static final String NOWHERE = "http://127.0.0.1:1";

    private ServiceRoutes() {
    }

    public static Map<String, String> to(String users, String eval, String swapper, String... settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("micronaut.http.services.users.url", users);
        properties.put("micronaut.http.services.eval.url", eval);
        properties.put("micronaut.http.services.swapper.url", swapper);
        if (settings.length % 2 != 0) {
            throw new IllegalArgumentException("settings come as key/value pairs");
        }
        for (int i = 0; i < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        return properties;
    }

    /** Every route to one service. */
    public static Map<String, String> allTo(String url, String... settings) {
        return to(url, url, url, settings);
    }

    /** users' route to {@code users}, the others {@link #NOWHERE}. */
    public static Map<String, String> usersAt(String users, String... settings) {
        return to(users, NOWHERE, NOWHERE, settings);
    }
}
