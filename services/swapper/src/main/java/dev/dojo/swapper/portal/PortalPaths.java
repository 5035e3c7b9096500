package dev.dojo.swapper.portal;

/**
 * The portal's URLs. All are absolute and under {@code /docs}: main forwards {@code /docs/**} unchanged, so the same
 * paths work on swapper's own port and through the gateway.
 */
public final class PortalPaths {

    public static final String ROOT = "/docs";
    public static final String MERGED = ROOT + "/openapi.yml";
    public static final String SPECS = ROOT + "/specs/";
    /** Tells whether a served spec is live or the last good copy of an unavailable service. */
    public static final String SOURCE_HEADER = "X-Dojo-Spec-Source";

    private PortalPaths() {
    }

    public static String specUrl(String service) {
        return SPECS + service + ".yml";
    }
}
