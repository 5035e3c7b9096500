package dev.dojo.launcher;

/**
 * A problem the user can fix, reported as one line and an exit code instead of a stack trace.
 * Exit codes are documented in launcher/README.md.
 */
public final class LaunchFailure extends RuntimeException {

    public static final int SERVICE_FAILED = 1;
    public static final int PORT_IN_USE = 2;
    public static final int MISSING_JAR = 3;
    public static final int DATABASE = 4;
    public static final int SANDBOX = 5;
    public static final int USAGE = 64;

    private final int exitCode;

    public LaunchFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public LaunchFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
