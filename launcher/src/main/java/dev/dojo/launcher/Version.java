package dev.dojo.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version the service jars carry in their names (Maven filters it into build.properties). */
final class Version {

    static final String PROJECT = load("version");
    static final String POSTGRES = load("postgres.version");

    private Version() {
    }

    private static String load(String key) {
        try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
