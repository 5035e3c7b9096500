package dev.dojo.common.startup;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.context.exceptions.DependencyInjectionException;
import io.micronaut.http.server.exceptions.ServerStartupException;

import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the exception chain of a failed start into one sentence that names the setting to fix. */
public final class StartupDiagnosis {

    private static final Pattern MIGRATION_SCRIPT = Pattern.compile("V\\d+__[\\w.-]+\\.sql");

    private StartupDiagnosis() {
    }

    public static String explain(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof BindException || (t instanceof ServerStartupException && mentions(t, "bind"))) {
                return "the HTTP port is unavailable (" + firstLine(t) + "); set micronaut.server.port"
                        + " (env MICRONAUT_SERVER_PORT) to a free port";
            }
        }
        for (Throwable t : chain) {
            // the database answered and refused a statement (a migration's, at start): its own words say what to fix
            if (t instanceof SQLException sql && refusedStatement(sql.getSQLState())) {
                return "the database refused a statement" + migration(chain) + ": " + firstLine(t);
            }
        }
        for (Throwable t : chain) {
            String name = t.getClass().getName();
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || name.startsWith("org.postgresql") || name.startsWith("com.zaxxer.hikari")
                    || name.startsWith("org.flywaydb")) {
                return "the database is unreachable or refused the connection (" + firstLine(t) + "); check"
                        + " datasources.default.url / username / password (env DATASOURCES_DEFAULT_URL,"
                        + " DATASOURCES_DEFAULT_USERNAME, DATASOURCES_DEFAULT_PASSWORD)";
            }
        }
        for (Throwable t : chain) {
            String property = propertyLine(t);
            if (property != null) {
                return "invalid configuration: " + property;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof ConfigurationException || t instanceof DependencyInjectionException
                    && t.getCause() == null) {
                return "invalid configuration: " + firstLine(t);
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        return root.getClass().getSimpleName() + ": " + firstLine(root);
    }

    /**
     * An SQL state of a statement the database ran and refused: not a connection (class 08), authorization (28),
     * missing database (3D) or server shutdown/resource (57, 53) state, which mean the database was not reached.
     */
    private static boolean refusedStatement(String state) {
        return state != null && state.length() == 5
                && !List.of("08", "28", "3D", "53", "57").contains(state.substring(0, 2));
    }

    /** " of migration V4__….sql" when Flyway was running one, else nothing. */
    private static String migration(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t.getClass().getName().startsWith("org.flywaydb")) {
                Matcher script = MIGRATION_SCRIPT.matcher(String.valueOf(t.getMessage()));
                if (script.find()) {
                    return " of migration " + script.group();
                }
            }
        }
        return "";
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** Micronaut names a bad setting in a line like "Error resolving property value [micronaut.server.port]...". */
    private static String propertyLine(Throwable t) {
        for (String line : String.valueOf(t.getMessage()).split("\n")) {
            int at = line.indexOf("Error resolving property value [");
            if (at >= 0) {
                return line.substring(at).strip();
            }
        }
        return null;
    }

    private static boolean mentions(Throwable t, String word) {
        return String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains(word);
    }

    /** Micronaut's messages span many lines of injection path; the first one says what went wrong. */
    private static String firstLine(Throwable t) {
        String message = String.valueOf(t.getMessage()).strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }
}
