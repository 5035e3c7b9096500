package dev.dojo.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user asked for: command-line flags first, then {@code DOJO_*} environment variables, then defaults.
 * Parsed by picocli ({@link Flags}), which also writes {@code --help}; meanings are in launcher/README.md.
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

    static final int DEFAULT_READY_TIMEOUT = 120;

    /**
     * An option whose description names {@code (env DOJO_X…)} takes DOJO_X as its default: the help text is the one
     * place that pairs a flag with its variable.
     */
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\(env (DOJO_[A-Z_]+)");

    @Command(name = "./dojo", sortOptions = false, usageHelpWidth = 110,
            customSynopsis = "./dojo [options]   (or: java -jar launcher/target/dojo-launcher-<version>.jar [options])",
            description = "Starts PostgreSQL and the four Dojo services, prints the URL when everything is ready;"
                    + " Ctrl-C or SIGTERM (kill <pid>) stops all.%n",
            footer = "%nAn option named with (env X) can also come from that environment variable; a flag wins.")
    static final class Flags {
        @Option(names = "--port", paramLabel = "<n>", description = "main's port (env DOJO_PORT; default 8080)")
        Integer port;
        @Option(names = "--base-port", paramLabel = "<n>", defaultValue = "8080",
                description = "main=n, users=n+1, eval=n+2, swapper=n+3 (env DOJO_BASE_PORT)")
        int basePort;
        @Option(names = "--users-port", paramLabel = "<n>", description = "users' port")
        Integer usersPort;
        @Option(names = "--eval-port", paramLabel = "<n>", description = "eval's port")
        Integer evalPort;
        @Option(names = "--swapper-port", paramLabel = "<n>", description = "swapper's port")
        Integer swapperPort;
        @Option(names = "--random-ports", description = "free ports for every service and PostgreSQL (tests, e2e)")
        boolean randomPorts;
        @Option(names = "--data-dir", paramLabel = "<path>",
                description = "local data (env DOJO_DATA_DIR; default <repo>/.dojo)")
        Path dataDir;
        @Option(names = "--reset", description = "delete the data dir first")
        boolean reset;
        @Option(names = "--database-url", paramLabel = "<jdbc>", description = {
                "external PostgreSQL instead of the embedded one (env DOJO_DATABASE_URL),",
                "e.g. jdbc:postgresql://127.0.0.1:5432/postgres"})
        String databaseUrl;
        @Option(names = "--database-user", paramLabel = "<name>", defaultValue = "postgres",
                description = "(env DOJO_DATABASE_USER; default ${DEFAULT-VALUE})")
        String databaseUser;
        @Option(names = "--database-password", paramLabel = "<pw>", defaultValue = "",
                description = "(env DOJO_DATABASE_PASSWORD; default empty)")
        String databasePassword;
        @Option(names = "--database-prefix", paramLabel = "<p>", defaultValue = "",
                description = "databases <p>users and <p>eval (env DOJO_DATABASE_PREFIX)")
        String databasePrefix;
        @Option(names = "--pg-port", paramLabel = "<n>",
                description = "embedded PostgreSQL port (env DOJO_PG_PORT; default a free port)")
        Integer pgPort;
        @Option(names = "--no-seed", description = "no demo data")
        boolean noSeed;
        @Option(names = "--jvm-opts", paramLabel = "\"<flags>\"",
                description = "JVM flags for every service, replacing the defaults (env DOJO_JVM_OPTS)")
        String jvmOpts;
        @Option(names = "--ready-timeout", paramLabel = "<s>", defaultValue = "" + DEFAULT_READY_TIMEOUT,
                description = "seconds to wait for readiness (env DOJO_READY_TIMEOUT; default ${DEFAULT-VALUE})")
        int readyTimeout;
        @Option(names = "--home", paramLabel = "<path>",
                description = "repository holding services/*/target/*.jar (env DOJO_HOME)")
        Path home;
        @Option(names = "--observe", description = {
                "also start Zipkin and send every service's traces there (env DOJO_OBSERVE=true);",
                "the banner prints the Zipkin UI and the metrics URLs (docs/observability.md)"})
        boolean observe;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
        boolean help;
    }

    /** The generated {@code --help} text. */
    public static String usage() {
        StringWriter text = new StringWriter();
        new CommandLine(new Flags()).usage(new PrintWriter(text));
        return text.toString();
    }

    public static LaunchOptions parse(List<String> args, Map<String, String> env) {
        Flags flags = new Flags();
        CommandLine command = new CommandLine(flags)
                .setDefaultValueProvider(argument -> environmentValue(argument, env));
        try {
            command.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.PicocliException e) {
            throw usage(e.getMessage());
        }
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        putPort(ports, Service.MAIN, "--port", flags.port);
        putPort(ports, Service.USERS, "--users-port", flags.usersPort);
        putPort(ports, Service.EVAL, "--eval-port", flags.evalPort);
        putPort(ports, Service.SWAPPER, "--swapper-port", flags.swapperPort);
        int basePort = port("--base-port", flags.basePort);
        Optional<Integer> pgPort = Optional.ofNullable(flags.pgPort).map(p -> port("--pg-port", p));
        if (flags.readyTimeout < 1) {
            throw usage("--ready-timeout must be positive, got " + flags.readyTimeout);
        }
        Optional<String> dbUrl = Optional.ofNullable(flags.databaseUrl);
        if (dbUrl.isPresent() && !dbUrl.get().startsWith("jdbc:postgresql://")) {
            throw usage("--database-url must look like jdbc:postgresql://host:port/database, got " + dbUrl.get());
        }
        if (!flags.databasePrefix.matches("[a-z0-9_]*")) {
            throw usage("--database-prefix may hold only a-z, 0-9 and _");
        }
        return new LaunchOptions(Optional.ofNullable(flags.home), Optional.ofNullable(flags.dataDir), flags.reset,
                basePort, Map.copyOf(ports), flags.randomPorts, pgPort, dbUrl, flags.databaseUser,
                flags.databasePassword, flags.databasePrefix, !flags.noSeed, Optional.ofNullable(flags.jvmOpts),
                flags.readyTimeout, flags.observe, flags.help);
    }

    /**
     * The value of the variable an option's description names; blank counts as unset (then the option's own default
     * applies). Picocli converts (and rejects) it like a flag's value.
     */
    private static String environmentValue(ArgSpec argument, Map<String, String> env) {
        // the annotation's own text: description() would expand ${DEFAULT-VALUE}, which asks this provider again
        if (!(argument.userObject() instanceof Field field) || !field.isAnnotationPresent(Option.class)) {
            return null;
        }
        Matcher named = ENVIRONMENT_VARIABLE.matcher(String.join(" ", field.getAnnotation(Option.class).description()));
        if (!named.find()) {
            return null;
        }
        String value = env.get(named.group(1));
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void putPort(Map<Service, Integer> ports, Service service, String flag, Integer value) {
        if (value != null) {
            ports.put(service, port(flag, value));
        }
    }

    private static int port(String name, int port) {
        if (port < 1 || port > 65535) {
            throw usage(name + " must be a port between 1 and 65535, got " + port);
        }
        return port;
    }

    private static LaunchFailure usage(String message) {
        return new LaunchFailure(LaunchFailure.USAGE, message + " (see --help)");
    }
}
