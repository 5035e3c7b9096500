package dev.dojo.launcher;

import java.nio.file.Path;

/** The four services the platform runs, in start order, with their place in the port plan. */
public enum Service {
    USERS("users", 1, true),
    EVAL("eval", 2, true),
    SWAPPER("swapper", 3, false),
    MAIN("main", 0, false);

    private final String id;
    private final int portOffset;
    private final boolean ownsDatabase;

    Service(String id, int portOffset, boolean ownsDatabase) {
        this.id = id;
        this.portOffset = portOffset;
        this.ownsDatabase = ownsDatabase;
    }

    public String id() {
        return id;
    }

    /** Offset from the base port: main = base, users = base + 1, eval = base + 2, swapper = base + 3. */
    public int portOffset() {
        return portOffset;
    }

    public boolean ownsDatabase() {
        return ownsDatabase;
    }

    /** The shaded jar Maven builds: {@code services/<id>/target/dojo-<id>-<version>.jar}. */
    public Path jarIn(Path home) {
        return home.resolve("services").resolve(id).resolve("target")
                .resolve("dojo-" + id + "-" + Version.PROJECT + ".jar");
    }
}
