package dev.dojo.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/prometheus: both scrape configurations pass Debian's {@code promtool check config} (when installed) and
 * scrape every service at /prometheus on the port that serves it — main on its management port, never 8080.
 * The real scrape of running services is launcher's ObservedPlatformIT (it runs Prometheus on this file).
 */
class PrometheusConfigTest {

    private static final Path ROOT = Path.of(System.getProperty("dojo.root", "..")).toAbsolutePath().normalize();
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void composeConfigScrapesEveryServiceOnItsMetricsPort() throws IOException {
        assertEquals(Map.of("main", "main:8090", "users", "users:8081", "eval", "eval:8082",
                "swapper", "swapper:8083"), targets("prometheus-compose.yml"));
    }

    @Test
    void kubernetesConfigScrapesEveryServiceOnItsMetricsPort() throws IOException {
        assertEquals(Map.of("main", "main.dojo.svc:8090", "users", "users.dojo.svc:8081",
                "eval", "eval.dojo.svc:8082", "swapper", "swapper.dojo.svc:8083"), targets("prometheus-k8s.yml"));
        String main = Files.readString(ROOT.resolve("deploy/k8s/base/main.yaml"));
        assertTrue(main.contains("{name: management, containerPort: 8090}")
                && main.contains("{name: management, port: 8090, targetPort: management}"), "main exposes 8090");
    }

    @Test
    void promtoolAcceptsBothConfigs() throws Exception {
        // the build's validate phase installs it (launcher/prerequisites.sh build); never a silent skip
        assertTrue(Files.isExecutable(PROMTOOL),
                "promtool missing: apt-get install -y --no-install-recommends prometheus");
        for (String file : List.of("prometheus-compose.yml", "prometheus-k8s.yml")) {
            Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "config",
                    ROOT.resolve("deploy/prometheus").resolve(file).toString()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes());
            assertTrue(check.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, check.exitValue(), file + ": " + output);
            assertTrue(output.contains("SUCCESS"), output);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> targets(String file) throws IOException {
        Map<String, String> targets = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("deploy/prometheus").resolve(file))) {
            Map<String, Object> config = new Yaml().load(reader);
            for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
                assertEquals("/prometheus", job.get("metrics_path"));
                for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
                    String service = ((Map<String, String>) group.get("labels")).get("service");
                    List<String> hosts = (List<String>) group.get("targets");
                    assertEquals(1, hosts.size());
                    targets.put(service, hosts.get(0));
                }
            }
        }
        return targets;
    }
}
