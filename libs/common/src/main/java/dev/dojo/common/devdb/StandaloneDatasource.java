package dev.dojo.common.devdb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.micronaut.jdbc.BasicJdbcConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Per-service development ({@code ./mvnw -pl services/users mn:run}) without setting up a database: when a
 * datasource is being configured without a URL, this points it at an embedded PostgreSQL before the pool starts.
 * Never in tests (they bring their own database) and never when a URL is configured (the launcher, Compose,
 * Kubernetes always give one); a service without zonky on its classpath does not get this bean at all.
 */
@Singleton
@Requires(classes = {EmbeddedPostgres.class, BasicJdbcConfiguration.class})
@Requires(notEnv = Environment.TEST)
@Requires(property = "dojo.devdb.enabled", notEquals = "false")
public class StandaloneDatasource implements BeanInitializedEventListener<BasicJdbcConfiguration> {

    private final Environment environment;
    private final DevDatabaseSettings settings;
    private DevDatabase database;

    public StandaloneDatasource(Environment environment, DevDatabaseSettings settings) {
        this.environment = environment;
        this.settings = settings;
    }

    @Override
    public synchronized BasicJdbcConfiguration onInitialized(BeanInitializingEvent<BasicJdbcConfiguration> event) {
        BasicJdbcConfiguration configuration = event.getBean();
        String configured = configuration.getConfiguredUrl();
        if (configured != null && !configured.isBlank()) {
            return configuration;
        }
        if (database == null) {
            String service = environment.getProperty("micronaut.application.name", String.class).orElse("app")
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            database = DevDatabase.start(dataDir(service), service);
        }
        configuration.setUrl(database.url());
        configuration.setUsername(database.username());
        configuration.setPassword("");
        return configuration;
    }

    @PreDestroy
    synchronized void stop() throws IOException {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    private Path dataDir(String service) {
        if (settings.dataDir() != null && !settings.dataDir().isBlank()) {
            return Path.of(settings.dataDir()).toAbsolutePath();
        }
        return repositoryRoot().resolve(".dojo").resolve("standalone").resolve(service);
    }

    /** mn:run works in the module directory: walk up to the checkout, so every service shares one .dojo/. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("services"))) {
                return dir;
            }
        }
        return here;
    }
}
