package dev.dojo.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kustomize manifests promise what Compose promises, plus cluster hygiene: every service is probed on its
 * health endpoints, sized, non-root with a read-only root file system, autoscaled, and only main is exposed.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("dojo.root", "..")).toAbsolutePath().normalize();
    private static final Set<String> SERVICES = Set.of("users", "eval", "swapper", "main");
    private static final List<Map<String, Object>> DOCUMENTS = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        Map<String, Object> kustomization;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("deploy/kustomization.yaml"))) {
            kustomization = new Yaml().load(reader);
        }
        for (String resource : (List<String>) kustomization.get("resources")) {
            Path file = ROOT.resolve("deploy").resolve(resource);
            assertTrue(Files.isRegularFile(file), "kustomization names a missing file: " + resource);
            try (Reader reader = Files.newBufferedReader(file)) {
                new Yaml().loadAll(reader).forEach(doc -> DOCUMENTS.add((Map<String, Object>) doc));
            }
        }
    }

    private static List<Map<String, Object>> ofKind(String kind) {
        return DOCUMENTS.stream().filter(doc -> kind.equals(doc.get("kind"))).toList();
    }

    private static String name(Map<String, Object> doc) {
        return String.valueOf(((Map<String, Object>) doc.get("metadata")).get("name"));
    }

    private static Map<String, Object> at(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
            assertNotNull(current, "missing " + key);
        }
        return current;
    }

    @Test
    void eachServiceIsADeploymentWithAServiceAndAnAutoscaler() {
        Set<String> deployments = new TreeSet<>(ofKind("Deployment").stream().map(KubernetesManifestsTest::name).toList());
        assertEquals(new TreeSet<>(SERVICES), deployments);
        Set<String> services = new TreeSet<>(ofKind("Service").stream().map(KubernetesManifestsTest::name).toList());
        assertTrue(services.containsAll(SERVICES), services.toString());
        Set<String> scaled = new TreeSet<>(ofKind("HorizontalPodAutoscaler").stream()
                .map(hpa -> String.valueOf(at(hpa, "spec", "scaleTargetRef").get("name"))).toList());
        assertEquals(new TreeSet<>(SERVICES), scaled);
    }

    @Test
    void containersRunTheBuiltImagesNonRootReadOnlyWithProbesAndResources() {
        String version = System.getProperty("dojo.version");
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            String service = name(deployment);
            Map<String, Object> pod = at(deployment, "spec", "template", "spec");
            assertEquals(true, at(pod, "securityContext").get("runAsNonRoot"), service);
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            assertEquals("dojo/" + service + ":" + version, container.get("image"));
            assertEquals("/health/readiness", at(container, "readinessProbe", "httpGet").get("path"), service);
            assertEquals("/health/liveness", at(container, "livenessProbe", "httpGet").get("path"), service);
            assertNotNull(at(container, "resources", "requests").get("cpu"), service);
            assertNotNull(at(container, "resources", "limits").get("memory"), service);
            Map<String, Object> security = at(container, "securityContext");
            assertEquals(true, security.get("readOnlyRootFilesystem"), service);
            assertEquals(false, security.get("allowPrivilegeEscalation"), service);
        }
    }

    /**
     * The sandbox works under Kubernetes' defaults (procMount, no capabilities, not privileged, non-root): eval gets
     * the repository's seccomp profile instead of Unconfined, and nothing else is widened.
     */
    @Test
    void evalRunsUnderTheRepositorySeccompProfileWithNothingElseWidened() throws IOException {
        Map<String, Object> deployment = ofKind("Deployment").stream().filter(d -> name(d).equals("eval")).findFirst()
                .orElseThrow();
        Map<String, Object> pod = at(deployment, "spec", "template", "spec");
        Map<String, Object> seccomp = at(pod, "securityContext", "seccompProfile");
        assertEquals("Localhost", seccomp.get("type"));
        assertEquals("dojo-eval.json", seccomp.get("localhostProfile"));
        String readme = Files.readString(ROOT.resolve("deploy/k8s/README.md"));
        assertTrue(readme.contains("deploy/seccomp/eval.json") && readme.contains("/var/lib/kubelet/seccomp/dojo-eval.json"),
                "deploy/k8s/README.md must say where the profile goes");
        assertEquals(65534, at(pod, "securityContext").get("runAsUser"));
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        Map<String, Object> security = at(container, "securityContext");
        assertEquals(List.of("ALL"), at(security, "capabilities").get("drop"));
        assertNull(at(security, "capabilities").get("add"), "the sandbox needs no capability");
        assertNull(security.get("privileged"));
        assertNull(security.get("procMount"), "the default procMount must do");
        assertNull(security.get("seccompProfile"), "the pod's profile applies");
        for (Map<String, Object> other : ofKind("Deployment")) {
            Object profile = ((Map<String, Object>) at(other, "spec", "template", "spec").get("securityContext"))
                    .get("seccompProfile");
            assertTrue(profile == null || !String.valueOf(profile).contains("Unconfined"), name(other));
        }
    }

    /** Tracing is the cluster's choice: every service takes its OTEL_* settings from one optional ConfigMap. */
    @Test
    void everyServiceTakesItsTracingSettingsFromTheOptionalObservabilityConfigMap() {
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            Map<String, Object> container = ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec")
                    .get("containers")).get(0);
            assertEquals(List.of(Map.of("configMapRef", Map.of("name", "dojo-observability", "optional", true))),
                    container.get("envFrom"), name(deployment));
        }
    }

    @Test
    void onlyMainIsReachableFromOutside() {
        List<Map<String, Object>> ingresses = ofKind("Ingress");
        assertEquals(1, ingresses.size());
        String backends = String.valueOf(at(ingresses.get(0), "spec").get("rules"));
        assertTrue(backends.contains("name=main") && !backends.contains("name=users"), backends);
        ofKind("Service").forEach(service ->
                assertTrue(at(service, "spec").get("type") == null
                        || "ClusterIP".equals(at(service, "spec").get("type")), name(service)));
    }
}
