package dev.dojo.swapper.portal;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;

import java.io.IOException;

/** Base of the portal tests: a client on the running swapper, and the portal page as a real browser renders it. */
abstract class PortalTestBase {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    /** The DOM of swapper's /docs page once its scripts ran in headless Chromium. */
    String portalDom() throws IOException, InterruptedException {
        return Chromium.dumpDom(server.getURL() + "/docs");
    }
}
