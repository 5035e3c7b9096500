package dev.dojo.common.startup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/**
 * Starts a Dojo service. A service that cannot start (port taken, database unreachable, a migration the database
 * refused, a setting missing or malformed) stops with exit code 1 and one log line that names what to fix, instead
 * of a stack trace.
 */
public final class DojoApplication {

    private static final Logger LOG = LoggerFactory.getLogger(DojoApplication.class);

    private DojoApplication() {
    }

    public static ApplicationContext run(Class<?> application, String... args) {
        ApplicationContext context = Micronaut.build(args).mainClass(application).banner(false).build();
        try {
            context.start();
            context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException | LinkageError failure) {
            LOG.error("Startup failed: {}", StartupDiagnosis.explain(failure));
            closeQuietly(context);
            System.exit(1);
        }
        // Netty's threads are daemons: hold the JVM open until SIGTERM/SIGINT closes the context
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(context);
            stopped.countDown();
        }, "dojo-shutdown"));
        Thread keepAlive = new Thread(() -> {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dojo-keep-alive");
        keepAlive.setDaemon(false);
        keepAlive.start();
        return context;
    }

    private static void closeQuietly(ApplicationContext context) {
        try {
            if (context.isRunning()) {
                context.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Error while stopping: {}", e.toString());
        }
    }
}
