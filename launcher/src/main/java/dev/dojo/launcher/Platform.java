package dev.dojo.launcher;

import dev.dojo.launcher.database.DatabaseServer;
import dev.dojo.launcher.database.LocalPostgres;
import dev.dojo.launcher.database.PostgresBinaries;
import dev.dojo.launcher.observe.Observability;
import dev.dojo.launcher.process.ChildProcess;
import dev.dojo.launcher.process.PidFile;
import dev.dojo.launcher.process.Supervisor;
import dev.dojo.launcher.service.JvmFlags;
import dev.dojo.launcher.service.RunCopies;
import dev.dojo.launcher.service.ServiceEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of the whole platform: database, signing key, the four service JVMs, readiness, the banner, and the
 * wait until something ends it. Whatever goes wrong after the first process started, {@link #stop()} leaves
 * nothing running.
 */
public final class Platform {

    static final String DEMO_ACCOUNTS = "Demo accounts: admin dojoadmin / admin@dojo.dev / dojo-admin-password;"
            + " michael@realpython.com / test; michael@mherman.org / test";

    private final LaunchOptions options;
    private final Path home;
    private final Path dataDir;
    private final Console console;
    private final Supervisor supervisor;
    private final PidFile pidFile;

    public Platform(LaunchOptions options, Path home, Path dataDir, Console console) {
        this.options = options;
        this.home = home;
        this.dataDir = dataDir;
        this.console = console;
        this.pidFile = new PidFile(dataDir);
        this.supervisor = new Supervisor(console, pidFile);
    }

    /** Starts everything and returns once all services are ready; throws {@link LaunchFailure} otherwise. */
    public PortPlan start() {
        long began = System.nanoTime();
        DataDirectory.prepare(dataDir, options.reset(), console);
        pidFile.reapLeftovers(console);
        Map<Service, Path> jars = locateJars();
        PortPlan ports = PortPlan.of(options);
        boolean embedded = options.databaseUrl().isEmpty();
        ports.verifyFree(embedded);
        console.info("ports: " + describe(ports, embedded));

        DatabaseServer database = embedded ? startEmbeddedDatabase(ports.postgres()) : externalDatabase();
        List<String> names = List.of(options.databasePrefix() + Service.USERS.id(),
                options.databasePrefix() + Service.EVAL.id());
        List<String> created = database.ensureDatabases(names);
        if (!created.isEmpty()) {
            console.info("created databases " + created);
        }
        String pem = JwtKeyStore.loadOrCreate(dataDir);

        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Observability observability = options.observe()
                ? Observability.start(home, java, supervisor, console, options.readyTimeoutSeconds()) : null;
        // main's management listener (/prometheus): never its public port
        int managementPort = options.randomPorts() ? Observability.freePort() : ports.of(Service.MAIN) + 10;
        Map<Service, Long> startedAt = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(JvmFlags.forService(service, jars.get(service), dataDir, options.jvmOpts()));
            command.add("-jar");
            command.add(jars.get(service).toString());
            Map<String, String> env = new java.util.LinkedHashMap<>(ServiceEnvironment.of(service, ports, database,
                    options.databasePrefix(), options.seed(), pem));
            if (service == Service.SWAPPER) {
                // swapper stays quiet about services still starting until the launcher itself would give up
                env.put("DOJO_DOCS_STARTUP_GRACE", options.readyTimeoutSeconds() + "s");
            }
            if (service == Service.MAIN) {
                env.put("DOJO_MANAGEMENT_PORT", Integer.toString(managementPort));
            }
            if (observability != null) {
                env.putAll(observability.serviceEnvironment());
            }
            try {
                startedAt.put(service, System.nanoTime());
                supervisor.adoptService(ChildProcess.start(service.id(), command, env, home, console));
            } catch (IOException e) {
                throw new LaunchFailure(LaunchFailure.SERVICE_FAILED, "Cannot start " + service.id() + ": "
                        + e.getMessage(), e);
            }
        }
        Map<Service, Long> readyAfter = awaitReadiness(ports, startedAt);
        StringBuilder timing = new StringBuilder();
        readyAfter.forEach((service, nanos) -> timing.append(timing.isEmpty() ? "" : ", ")
                .append(service.id()).append(" ready in ").append(seconds(nanos)));
        console.info(timing + "; platform ready in " + seconds(System.nanoTime() - began));
        String url = ServiceEnvironment.publicUrl(ports);
        console.plain("Dojo is ready at " + url);
        console.plain("API docs: " + url + "/docs");
        if (observability != null) {
            console.plain("Traces (Zipkin UI): " + observability.uiUrl());
            console.plain("Metrics: main http://localhost:" + managementPort + "/prometheus, users http://localhost:"
                    + ports.of(Service.USERS) + "/prometheus, eval http://localhost:" + ports.of(Service.EVAL)
                    + "/prometheus, swapper http://localhost:" + ports.of(Service.SWAPPER) + "/prometheus");
        }
        if (options.seed()) {
            console.plain(DEMO_ACCOUNTS);
        }
        console.plain("Press Ctrl-C to stop.");
        return ports;
    }

    /** Blocks until a child exits on its own (returned) or the JVM is shutting down (never returns then). */
    public ChildProcess awaitUnexpectedExit() {
        return supervisor.unexpectedExit().join();
    }

    public void stop() {
        supervisor.stopAll();
    }

    public boolean isStopping() {
        return supervisor.isStopping();
    }

    private Map<Service, Path> locateJars() {
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            Path jar = service.jarIn(home);
            if (!Files.isRegularFile(jar)) {
                missing.add(home.relativize(jar).toString());
            }
            jars.put(service, jar);
        }
        if (!missing.isEmpty()) {
            throw new LaunchFailure(LaunchFailure.MISSING_JAR, "Service jar" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " missing under " + home
                    + ". Build them with ./mvnw -DskipTests install (./dojo does this for you).");
        }
        // the services run from copies: a rebuild meanwhile cannot change a running jar (RunCopies)
        for (Map.Entry<Service, Path> jar : jars.entrySet()) {
            try {
                jar.setValue(RunCopies.of(jar.getValue(), dataDir.resolve("jars")));
            } catch (IOException e) {
                throw new LaunchFailure(LaunchFailure.SERVICE_FAILED, "Cannot copy " + jar.getValue() + " to "
                        + dataDir.resolve("jars") + ": " + e.getMessage(), e);
            }
        }
        return jars;
    }

    private DatabaseServer startEmbeddedDatabase(int port) {
        long began = System.nanoTime();
        try {
            Path installation = PostgresBinaries.install(Version.POSTGRES);
            ChildProcess server = LocalPostgres.start(installation, dataDir.resolve("postgres"), port, console);
            supervisor.adoptDatabase(server);
            DatabaseServer database = new DatabaseServer(LocalPostgres.adminUrl(port), LocalPostgres.SUPERUSER, "");
            LocalPostgres.awaitConnections(server, database);
            console.info("PostgreSQL " + Version.POSTGRES + " ready on 127.0.0.1:" + port + " in "
                    + seconds(System.nanoTime() - began) + " (data in " + dataDir.resolve("postgres") + ")");
            return database;
        } catch (IOException e) {
            throw new LaunchFailure(LaunchFailure.DATABASE, "Cannot unpack PostgreSQL: " + e.getMessage(), e);
        }
    }

    private DatabaseServer externalDatabase() {
        DatabaseServer database = new DatabaseServer(options.databaseUrl().orElseThrow(), options.databaseUser(),
                options.databasePassword());
        console.info("using PostgreSQL at " + database.adminUrl() + " as " + database.user());
        return database;
    }

    private Map<Service, Long> awaitReadiness(PortPlan ports, Map<Service, Long> startedAt) {
        ReadinessProbe probe = new ReadinessProbe();
        Map<Service, Long> readyAfter = new EnumMap<>(Service.class);
        long deadline = System.nanoTime() + options.readyTimeoutSeconds() * 1_000_000_000L;
        while (readyAfter.size() < Service.values().length) {
            if (supervisor.isStopping()) {
                throw new LaunchFailure(LaunchFailure.SERVICE_FAILED, "stopped while starting");
            }
            supervisor.firstDead().ifPresent(dead -> {
                throw new LaunchFailure(LaunchFailure.SERVICE_FAILED, dead.name() + " exited during start (exit code "
                        + dead.exitCode() + "); see the [" + dead.name() + "] lines above");
            });
            for (Service service : Service.values()) {
                if (readyAfter.containsKey(service)) {
                    continue;
                }
                ReadinessProbe.Answer answer = probe.ask(ports.of(service));
                if (answer.ready()) {
                    readyAfter.put(service, System.nanoTime() - startedAt.get(service));
                }
                // eval up but unable to grade: waiting out the timeout would not change that, and "ready" would lie
                answer.sandboxProblem().ifPresent(problem -> {
                    throw new LaunchFailure(LaunchFailure.SANDBOX, service.id() + " cannot grade: " + problem
                            + " (what the sandbox needs from the OS: docs/sandbox.md#what-the-host-or-container-must-provide)");
                });
            }
            if (System.nanoTime() > deadline) {
                List<String> late = new ArrayList<>();
                for (Service service : Service.values()) {
                    if (!readyAfter.containsKey(service)) {
                        late.add(service.id());
                    }
                }
                throw new LaunchFailure(LaunchFailure.SERVICE_FAILED, String.join(", ", late) + " not ready within "
                        + options.readyTimeoutSeconds() + " s (GET /health/readiness); see the log lines above");
            }
            // every probe is a logged request in main's access log: a few per second is plenty
            sleep(200);
        }
        return readyAfter;
    }

    private static String describe(PortPlan ports, boolean embedded) {
        StringBuilder text = new StringBuilder();
        for (Service service : Service.values()) {
            text.append(text.isEmpty() ? "" : ", ").append(service.id()).append(' ').append(ports.of(service));
        }
        return embedded ? text + ", postgres " + ports.postgres() : text.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure(LaunchFailure.SERVICE_FAILED, "interrupted");
        }
    }
}
