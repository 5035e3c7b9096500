package dev.dojo.common.devdb;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service run alone (not the "test" environment) with a datasource but no URL gets a working PostgreSQL; a URL,
 * the test environment or {@code dojo.devdb.enabled=false} keep it away. The contexts here are built without
 * environment deduction, because JUnit on the stack would otherwise switch the "test" environment on.
 */
class StandaloneDatasourceTest {

    private static final Map<String, Object> DATASOURCE_WITHOUT_URL = Map.of(
            "micronaut.application.name", "devdbcheck",
            "datasources.default.driver-class-name", "org.postgresql.Driver");

    @Test
    void aDatasourceWithoutUrlGetsAPersistentEmbeddedDatabaseNamedAfterTheService(@TempDir Path tmp)
            throws Exception {
        Path dataDir = tmp.resolve("pg");
        try (ApplicationContext context = standalone(Map.of("dojo.devdb.data-dir", dataDir.toString()))) {
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                 ResultSet row = connection.createStatement().executeQuery("SELECT current_database()")) {
                assertTrue(row.next());
                assertEquals("devdbcheck", row.getString(1));
                connection.createStatement().execute("CREATE TABLE kept (id int)");
            }
        }
        assertTrue(Files.exists(dataDir.resolve("PG_VERSION")), "the cluster stays on disk");
        try (ApplicationContext again = standalone(Map.of("dojo.devdb.data-dir", dataDir.toString()));
             Connection connection = again.getBean(DataSource.class).getConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT count(*) FROM kept")) {
            assertTrue(row.next(), "the table survived the restart");
        }
    }

    @Test
    void aConfiguredUrlIsLeftAlone() {
        // -1: the pool does not try to connect at start, so an unreachable URL is enough to see what it was given
        try (ApplicationContext context = standalone(Map.of(
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:1/configured",
                "datasources.default.initialization-fail-timeout", "-1"))) {
            assertEquals("jdbc:postgresql://127.0.0.1:1/configured", configuration(context).getUrl());
        }
    }

    @Test
    void switchedOffWhenDisabledOrUnderTestSoAMissingUrlStaysAnError() {
        RuntimeException disabled = assertThrows(RuntimeException.class,
                () -> standalone(Map.of("dojo.devdb.enabled", "false")).close());
        assertTrue(String.valueOf(disabled.getMessage()).contains("No URL specified"), disabled.getMessage());
        RuntimeException underTest = assertThrows(RuntimeException.class, () -> ApplicationContext.builder()
                .deduceEnvironment(false).environments("test").properties(DATASOURCE_WITHOUT_URL).start().close());
        assertTrue(String.valueOf(underTest.getMessage()).contains("No URL specified"), underTest.getMessage());
    }

    private static ApplicationContext standalone(Map<String, Object> extra) {
        Map<String, Object> properties = new java.util.HashMap<>(DATASOURCE_WITHOUT_URL);
        properties.putAll(extra);
        return ApplicationContext.builder().deduceEnvironment(false).properties(properties).start();
    }

    private static DatasourceConfiguration configuration(ApplicationContext context) {
        return context.getBean(DatasourceConfiguration.class, Qualifiers.byName("default"));
    }
}
