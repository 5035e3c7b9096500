package dev.dojo.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compose "observe" profile: Zipkin and Prometheus only on request, published on loopback only. */
class ObservabilityProfileTest {

    private static final Path ROOT = Path.of(System.getProperty("dojo.root", "..")).toAbsolutePath().normalize();

    @Test
    @SuppressWarnings("unchecked")
    void zipkinAndPrometheusAreOptionalAndLoopbackOnly() throws IOException {
        Map<String, Map<String, Object>> services;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(reader).get("services");
        }
        for (String name : List.of("zipkin", "prometheus")) {
            Map<String, Object> service = services.get(name);
            assertEquals(List.of("observe"), service.get("profiles"), name);
            for (Object port : (List<Object>) service.get("ports")) {
                assertTrue(String.valueOf(port).startsWith("127.0.0.1:"), name + " publishes " + port);
            }
        }
        assertTrue(String.valueOf(services.get("prometheus").get("volumes"))
                .contains("./deploy/prometheus/prometheus-compose.yml"));
    }
}
