package dev.dojo.launcher;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user asked for: command-line flags first, then {@code DOJO_*} environment variables, then defaults.
 * The full list with meanings is in launcher/README.md and {@link #USAGE}.
 */
public record LaunchOptions(
        Optional<Path> home,
        Optional<Path> dataDir,
        boolean reset,
        int basePort,
        Map<Service, Integer> explicitPorts,
        boolean randomPorts,
        Optional<Integer> postgresPort,
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        String databasePrefix,
        boolean seed,
        Optional<String> jvmOpts,
        int readyTimeoutSeconds,
        boolean observe,
        boolean help) {

    public static final int DEFAULT_BASE_PORT = 8080;

    public static final String USAGE = """
            Usage: ./dojo [options]   (or: java -jar launcher/target/dojo-launcher-<version>.jar [options])
            Starts PostgreSQL and the four Dojo services, prints the URL when everything is ready; Ctrl-C stops all.

              --port <n>               main's port (env DOJO_PORT; default 8080)
              --base-port <n>          main=n, users=n+1, eval=n+2, swapper=n+3 (env DOJO_BASE_PORT)
              --users-port <n>, --eval-port <n>, --swapper-port <n>
              --random-ports           free ports for every service and PostgreSQL (tests, e2e)
              --data-dir <path>        local data (env DOJO_DATA_DIR; default <repo>/.dojo)
              --reset                  delete the data dir first
              --database-url <jdbc>    external PostgreSQL instead of the embedded one (env DOJO_DATABASE_URL),
                                       e.g. jdbc:postgresql://127.0.0.1:5432/postgres
              --database-user <name>   (env DOJO_DATABASE_USER; default postgres)
              --database-password <pw> (env DOJO_DATABASE_PASSWORD; default empty)
              --database-prefix <p>    databases <p>users and <p>eval (env DOJO_DATABASE_PREFIX)
              --pg-port <n>            embedded PostgreSQL port (env DOJO_PG_PORT; default a free port)
              --no-seed                no demo data
              --jvm-opts "<flags>"     JVM flags for every service, replacing the defaults (env DOJO_JVM_OPTS)
              --ready-timeout <s>      seconds to wait for readiness (env DOJO_READY_TIMEOUT; default 120)
              --observe                also start Zipkin and send every service's traces there (env DOJO_OBSERVE=true);
                                       the banner prints the Zipkin UI and the metrics URLs (docs/observability.md)
              --home <path>            repository holding services/*/target/*.jar (env DOJO_HOME)
              --help                   this text
            """;

    public static LaunchOptions parse(List<String> args, Map<String, String> env) {
        Deque<String> rest = new ArrayDeque<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                rest.add(arg.substring(0, eq));
                rest.add(arg.substring(eq + 1));
            } else {
                rest.add(arg);
            }
        }
        Optional<Path> home = env(env, "DOJO_HOME").map(Path::of);
        Optional<Path> dataDir = env(env, "DOJO_DATA_DIR").map(Path::of);
        boolean reset = false;
        int basePort = env(env, "DOJO_BASE_PORT").map(v -> port("DOJO_BASE_PORT", v)).orElse(DEFAULT_BASE_PORT);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        env(env, "DOJO_PORT").ifPresent(v -> ports.put(Service.MAIN, port("DOJO_PORT", v)));
        boolean random = false;
        Optional<Integer> pgPort = env(env, "DOJO_PG_PORT").map(v -> port("DOJO_PG_PORT", v));
        Optional<String> dbUrl = env(env, "DOJO_DATABASE_URL");
        String dbUser = env(env, "DOJO_DATABASE_USER").orElse("postgres");
        String dbPassword = env(env, "DOJO_DATABASE_PASSWORD").orElse("");
        String dbPrefix = env(env, "DOJO_DATABASE_PREFIX").orElse("");
        boolean seed = true;
        Optional<String> jvmOpts = env(env, "DOJO_JVM_OPTS");
        int timeout = env(env, "DOJO_READY_TIMEOUT").map(v -> positive("DOJO_READY_TIMEOUT", v)).orElse(120);
        boolean observe = env(env, "DOJO_OBSERVE").map(Boolean::parseBoolean).orElse(false);
        boolean help = false;

        while (!rest.isEmpty()) {
            String flag = rest.poll();
            switch (flag) {
                case "--port" -> ports.put(Service.MAIN, port(flag, value(flag, rest)));
                case "--base-port" -> basePort = port(flag, value(flag, rest));
                case "--users-port" -> ports.put(Service.USERS, port(flag, value(flag, rest)));
                case "--eval-port" -> ports.put(Service.EVAL, port(flag, value(flag, rest)));
                case "--swapper-port" -> ports.put(Service.SWAPPER, port(flag, value(flag, rest)));
                case "--random-ports" -> random = true;
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(flag, rest)));
                case "--reset" -> reset = true;
                case "--database-url" -> dbUrl = Optional.of(value(flag, rest));
                case "--database-user" -> dbUser = value(flag, rest);
                case "--database-password" -> dbPassword = value(flag, rest);
                case "--database-prefix" -> dbPrefix = value(flag, rest);
                case "--pg-port" -> pgPort = Optional.of(port(flag, value(flag, rest)));
                case "--no-seed" -> seed = false;
                case "--jvm-opts" -> jvmOpts = Optional.of(value(flag, rest));
                case "--ready-timeout" -> timeout = positive(flag, value(flag, rest));
                case "--home" -> home = Optional.of(Path.of(value(flag, rest)));
                case "--observe" -> observe = true;
                case "--help", "-h" -> help = true;
                default -> throw usage("unknown option " + flag);
            }
        }
        if (dbUrl.isPresent() && !dbUrl.get().startsWith("jdbc:postgresql://")) {
            throw usage("--database-url must look like jdbc:postgresql://host:port/database, got " + dbUrl.get());
        }
        if (!dbPrefix.matches("[a-z0-9_]*")) {
            throw usage("--database-prefix may hold only a-z, 0-9 and _");
        }
        return new LaunchOptions(home, dataDir, reset, basePort, Map.copyOf(ports), random, pgPort, dbUrl, dbUser,
                dbPassword, dbPrefix, seed, jvmOpts, timeout, observe, help);
    }

    private static Optional<String> env(Map<String, String> env, String key) {
        return Optional.ofNullable(env.get(key)).filter(v -> !v.isBlank());
    }

    private static String value(String flag, Deque<String> rest) {
        String value = rest.poll();
        if (value == null) {
            throw usage(flag + " needs a value");
        }
        return value;
    }

    private static int port(String name, String value) {
        int port = number(name, value);
        if (port < 1 || port > 65535) {
            throw usage(name + " must be a port between 1 and 65535, got " + value);
        }
        return port;
    }

    private static int positive(String name, String value) {
        int n = number(name, value);
        if (n < 1) {
            throw usage(name + " must be positive, got " + value);
        }
        return n;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw usage(name + " must be a number, got " + value);
        }
    }

    private static LaunchFailure usage(String message) {
        return new LaunchFailure(LaunchFailure.USAGE, message + " (see --help)");
    }
}
