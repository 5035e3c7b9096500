package dev.dojo.eval.sandbox;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python 3. Only the interpreter binary, its standard library and the shared libraries they link against are
 * bound into the sandbox; no shell, no site-packages, no other host file. The interpreter starts isolated
 * ({@code -I}: no environment, no user site, no current directory on the path) and without {@code site} ({@code -S}),
 * which also keeps start-up to a few milliseconds.
 */
@Singleton
public class PythonRuntime implements LanguageRuntime {

    private static final Pattern LIBRARY = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");
    /** How long the interpreter and ldd may take to answer the probes of the first grading. */
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(10);

    private final String interpreter;
    private final Duration probeLimit;
    private volatile Discovery discovery;

    public PythonRuntime(@Value("${dojo.sandbox.python.interpreter:/usr/bin/python3}") String interpreter) {
        this(interpreter, PROBE_LIMIT);
    }

    PythonRuntime(String interpreter, Duration probeLimit) {
        this.interpreter = interpreter;
        this.probeLimit = probeLimit;
    }

    @Override
    public String language() {
        return "python";
    }

    @Override
    public List<Bind> binds() {
        return discovery().binds();
    }

    @Override
    public Path harness() {
        return discovery().harness();
    }

    @Override
    public List<String> command() {
        return List.of(discovery().executable(), "-I", "-S", "-B", HARNESS_PATH);
    }

    private Discovery discovery() {
        Discovery found = discovery;
        if (found == null) {
            synchronized (this) {
                if (discovery == null) {
                    discovery = discover();
                }
                found = discovery;
            }
        }
        return found;
    }

    /** Asks the (trusted, host) interpreter where its standard library is, and ldd which libraries it needs. */
    private Discovery discover() {
        Path executable;
        try {
            executable = Path.of(interpreter).toRealPath();
        } catch (IOException e) {
            throw new SandboxUnavailableException("python interpreter not found at " + interpreter);
        }
        Map<String, Bind> binds = new LinkedHashMap<>();
        binds.put(executable.toString(), new Bind(executable.toString(), executable.toString()));
        List<String> libraryFiles = new ArrayList<>();
        libraryFiles.add(executable.toString());
        String paths = run(List.of(executable.toString(), "-I", "-S", "-c",
                "import sys\nfor p in sys.path: print(p)"));
        for (String line : paths.split("\n")) {
            Path dir = Path.of(line.strip());
            if (!line.isBlank() && Files.isDirectory(dir)) {
                binds.put(dir.toString(), new Bind(dir.toString(), dir.toString()));
                if (dir.getFileName().toString().equals("lib-dynload")) {
                    try (var stream = Files.list(dir)) {
                        stream.filter(p -> p.toString().endsWith(".so")).forEach(p -> libraryFiles.add(p.toString()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        List<String> ldd = new ArrayList<>(List.of("ldd"));
        ldd.addAll(libraryFiles);
        Matcher matcher = LIBRARY.matcher(run(ldd));
        while (matcher.find()) {
            String library = matcher.group(1);
            try {
                String real = Path.of(library).toRealPath().toString();
                binds.putIfAbsent(library, new Bind(real, library));
            } catch (IOException e) {
                // ldd names a library that is not there: the module needing it just will not import
            }
        }
        return new Discovery(executable.toString(), List.copyOf(binds.values()), extractHarness());
    }

    /**
     * The output of a host command, which must end within the probe limit. The output goes to a file, not a pipe:
     * a command that never ends would hold a pipe's reader for ever, and the wait below is then the only bound;
     * stderr is discarded, so a chatty command cannot fill a pipe nobody reads.
     */
    private String run(List<String> command) {
        Path out = null;
        try {
            out = Files.createTempFile("dojo-probe-", ".out");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            try {
                if (!process.waitFor(probeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                    // reaped before the refusal: a killed probe that is still dying must not outlive the answer
                    process.destroyForcibly().waitFor(1, TimeUnit.SECONDS);
                    throw new SandboxUnavailableException(command.get(0) + " did not answer within "
                            + probeLimit.toMillis() + " ms");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new SandboxUnavailableException("interrupted while probing " + command.get(0));
            }
            return new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot run " + command.get(0) + ": " + e.getMessage());
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }

    /** The harness ships in the jar; the sandbox user must be able to read it, nobody may change it. */
    private static Path extractHarness() {
        try (InputStream in = PythonRuntime.class.getResourceAsStream("/sandbox/python_harness.py")) {
            if (in == null) {
                throw new SandboxUnavailableException("python harness missing from the service jar");
            }
            Path dir = Files.createTempDirectory("dojo-harness-");
            // removed at exit in the reverse order of registration: the file first, then its (then empty) directory
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("python_harness.py");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot write the python harness: " + e.getMessage());
        }
    }

    private record Discovery(String executable, List<Bind> binds, Path harness) {
    }
}
