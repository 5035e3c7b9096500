package dev.dojo.launcher;

import dev.dojo.launcher.process.ChildProcess;

import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code ./dojo}: runs the whole platform in the foreground until Ctrl-C/SIGTERM (which stop everything) or until a
 * process dies (which stops the rest and exits 1). Options and exit codes: launcher/README.md.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Console console = new Console(System.out);
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(Arrays.asList(args), System.getenv());
        } catch (LaunchFailure failure) {
            System.err.println("[launcher] " + failure.getMessage());
            System.exit(failure.exitCode());
            return;
        }
        if (options.help()) {
            System.out.print(LaunchOptions.usage());
            return;
        }
        Path home = options.home().orElseGet(Launcher::repositoryRoot).toAbsolutePath().normalize();
        Path dataDir = options.dataDir().orElse(home.resolve(".dojo")).toAbsolutePath().normalize();
        Platform platform = new Platform(options, home, dataDir, console);
        // SIGINT/SIGTERM run this hook; the JVM then exits with 130/143
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "dojo-stop"));
        handleSigintEvenWhenIgnored();
        try {
            platform.start();
        } catch (LaunchFailure failure) {
            fail(platform, failure.getMessage(), failure.exitCode());
            return;
        } catch (RuntimeException unexpected) {
            fail(platform, "launcher error: " + unexpected, LaunchFailure.SERVICE_FAILED);
            return;
        }
        ChildProcess dead = platform.awaitUnexpectedExit();
        fail(platform, dead.name() + " exited unexpectedly (exit code " + dead.exitCode() + "); stopping the others",
                LaunchFailure.SERVICE_FAILED);
    }

    /**
     * A non-interactive shell starts a background job ({@code ./dojo &}) with SIGINT ignored, and the JVM then
     * leaves it ignored: {@code kill -INT} did nothing. Installing the handler ourselves makes SIGINT stop the
     * platform like Ctrl-C or SIGTERM (exit 130), however the launcher was started. Through reflection because
     * javac warns on every direct use of sun.misc (jdk.unsupported), and the build keeps no unexplained warning.
     */
    private static void handleSigintEvenWhenIgnored() {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object exit = Proxy.newProxyInstance(Launcher.class.getClassLoader(), new Class<?>[]{handler},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("handle")) {
                            System.exit(130);
                        }
                        return method.getName().equals("toString") ? "dojo SIGINT handler" : null;
                    });
            signal.getMethod("handle", signal, handler)
                    .invoke(null, signal.getConstructor(String.class).newInstance("INT"), exit);
        } catch (ReflectiveOperationException | RuntimeException unsupported) {
            // no sun.misc.Signal or no SIGINT here: the JVM's own handling stays
        }
    }

    private static void fail(Platform platform, String message, int exitCode) {
        if (platform.isStopping()) {
            // Ctrl-C/SIGTERM arrived first: the children exited because we stopped them, not on their own;
            // the shutdown hook finishes the stop and the JVM exits with the signal's code
            return;
        }
        System.err.println("[launcher] " + message);
        System.err.flush();
        platform.stop();
        System.exit(exitCode);
    }

    /** {@code <repo>/launcher/target/<jar or classes>} → {@code <repo>}; else the working directory. */
    static Path repositoryRoot() {
        try {
            Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = location.getParent().getParent().getParent();
            if (candidate != null && Files.isDirectory(candidate.resolve("services"))) {
                return candidate;
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
