package dev.dojo.eval.sandbox;

import dev.dojo.eval.sandbox.seccomp.FilterFile;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a language harness in a fresh bubblewrap sandbox per call. Layers, outermost first:
 * a trusted shell moves the process into the run's memory+pids cgroup, setpriv drops root (only when the service
 * runs as root), prlimit sets CPU/address-space/process/file/size rlimits, bubblewrap unshares every namespace
 * (no network, own pid namespace, no /proc), binds only the interpreter's files read-only, gives a private tmpfs,
 * clears the environment, drops all capabilities and installs a seccomp filter ({@code seccomp.SeccompFilter}).
 * The service keeps the wall clock and counts output.
 * When any layer cannot be set up, nothing runs: {@link SandboxUnavailableException}.
 */
@Singleton
public class Sandbox {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final int MAX_RESULTS_BYTES = 4 << 20;
    private static final long REPROBE_MILLIS = 10_000;
    /** Descriptor the trusted shell opens the seccomp filter on (dash handles only 0-9). */
    private static final int SECCOMP_FD = 7;
    /** Only true when prctl(PR_GET_SECCOMP) answers 2 (filter mode) inside the sandbox: 2 * 21. */
    static final String PROBE_CALL = "__import__('ctypes').CDLL(None).prctl(21, 0, 0, 0, 0) * 21";

    private final SandboxSettings settings;
    private final SandboxLimits limits;
    private final Map<String, LanguageRuntime> runtimes;
    private final ExecutorService io;
    private volatile SandboxStatus status = new SandboxStatus(false, "sandbox not probed yet");
    private volatile Cgroups cgroups;
    private volatile FilterFile seccomp;
    private volatile long lastProbe;

    public Sandbox(SandboxSettings settings, SandboxLimits limits, List<LanguageRuntime> runtimes) {
        this.settings = settings;
        this.limits = limits;
        this.runtimes = runtimes.stream().collect(java.util.stream.Collectors.toMap(LanguageRuntime::language, r -> r));
        AtomicInteger threads = new AtomicInteger();
        this.io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-io-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @EventListener
    void onStartup(StartupEvent event) {
        probe();
    }

    @PreDestroy
    void close() {
        io.shutdownNow();
    }

    public SandboxStatus status() {
        return status;
    }

    public SandboxLimits limits() {
        return limits;
    }

    public boolean supports(String language) {
        return runtimes.containsKey(language);
    }

    /**
     * Sets everything up and grades a trivial program end to end, so readiness reflects what a real submission
     * would meet.
     */
    public synchronized SandboxStatus probe() {
        lastProbe = System.currentTimeMillis();
        try {
            for (String tool : List.of(settings.bwrap(), settings.prlimit(), settings.shell())) {
                if (!Files.isExecutable(Path.of(tool))) {
                    throw new SandboxUnavailableException(tool + " is missing or not executable");
                }
            }
            if (runsAsRoot() && !Files.isExecutable(Path.of(settings.setpriv()))) {
                throw new SandboxUnavailableException(settings.setpriv() + " is needed to drop root and is missing");
            }
            seccomp = FilterFile.forArchitecture(System.getProperty("os.arch"));
            cgroups = settings.cgroupRequired() ? Cgroups.detect() : null;
            for (LanguageRuntime runtime : runtimes.values()) {
                SandboxRun run = execute(runtime, HarnessProtocol.probeRequest());
                String answer = new String(run.results(), StandardCharsets.UTF_8);
                if (!HarnessProtocol.probeAnswered(run.results())) {
                    throw new SandboxUnavailableException(runtime.language() + " probe run failed"
                            + (run.timedOut() ? " (timed out)" : "") + ": " + abbreviate(run.output() + answer));
                }
            }
            status = new SandboxStatus(true, "bubblewrap sandbox ready; cgroup "
                    + (cgroups == null ? "off (rlimits only)" : cgroups.describe())
                    + "; seccomp filter " + seccomp.arch().name().toLowerCase(java.util.Locale.ROOT)
                    + "; languages " + runtimes.keySet());
            LOG.info("Sandbox: {}", status.detail());
        } catch (SandboxUnavailableException e) {
            status = new SandboxStatus(false, "sandbox unavailable: " + e.getMessage());
            LOG.error("Sandbox: {}. Grading is disabled (fails closed with 503) until this is fixed.",
                    status.detail());
        }
        return status;
    }

    /** Runs one harness invocation. The caller holds a grading slot. */
    public SandboxRun run(String language, byte[] stdin) {
        SandboxStatus current = status;
        if (!current.available() && System.currentTimeMillis() - lastProbe > REPROBE_MILLIS) {
            current = probe();
        }
        if (!current.available()) {
            throw new SandboxUnavailableException(current.detail());
        }
        LanguageRuntime runtime = runtimes.get(language);
        if (runtime == null) {
            throw new IllegalArgumentException("no runtime for " + language);
        }
        return execute(runtime, stdin);
    }

    private SandboxRun execute(LanguageRuntime runtime, byte[] stdin) {
        Cgroups groups = cgroups;
        if (settings.cgroupRequired() && groups == null) {
            throw new SandboxUnavailableException("no cgroup for the run");
        }
        try (RunCgroup cgroup = groups == null ? RunCgroup.NONE : groups.create(limits)) {
            return execute(runtime, stdin, cgroup);
        }
    }

    private SandboxRun execute(LanguageRuntime runtime, byte[] stdin, RunCgroup cgroup) {
        List<String> command = command(runtime, cgroup);
        long started = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot start bubblewrap: " + e.getMessage());
        }
        AtomicBoolean outputLimit = new AtomicBoolean();
        Future<byte[]> results = io.submit(() -> readBounded(process.getInputStream(), MAX_RESULTS_BYTES));
        OutputCapture capture = new OutputCapture(limits.capturedOutputBytes(), limits.outputBytes(), () -> {
            outputLimit.set(true);
            stop(process, cgroup);
        });
        Future<?> output = io.submit(() -> capture.drain(process.getErrorStream()));
        io.submit(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the harness died before reading its input: the verdict comes from what it did write
            }
        });
        boolean timedOut = false;
        try {
            if (!process.waitFor(limits.wallTime().toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                stop(process, cgroup);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        boolean oom = cgroup.oomKilled();
        cgroup.close();
        byte[] answer = awaitQuietly(results);
        awaitQuietly(output);
        return new SandboxRun(answer == null ? new byte[0] : answer, capture.text(), capture.truncated(),
                outputLimit.get(), timedOut && !outputLimit.get(), oom, durationMs);
    }

    /**
     * Kills the sandboxed processes first and lets the outer bubblewrap reap them and exit. Killing bubblewrap
     * first would orphan its child to PID 1, which in a container is often the JVM and never reaps zombies.
     */
    private static void stop(Process process, RunCgroup cgroup) {
        try {
            if (cgroup.killAllBut(process.pid()) && process.waitFor(500, TimeUnit.MILLISECONDS)) {
                return;
            }
            process.destroyForcibly();
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private List<String> command(LanguageRuntime runtime, RunCgroup cgroup) {
        List<String> command = new ArrayList<>();
        // the trusted shell opens the seccomp filter for bwrap and joins the cgroup before exec: from its first
        // instruction the submission is already limited
        command.addAll(List.of(settings.shell(), "-c",
                "exec " + SECCOMP_FD + "<\"$1\" || exit 125; shift; "
                        + "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; exec \"$@\"",
                "dojo-sandbox", filter().path().toString()));
        cgroup.procsFiles().forEach(file -> command.add(file.toString()));
        command.add("--");
        String uid = Integer.toString(settings.unprivilegedUid());
        if (runsAsRoot()) {
            command.addAll(List.of(settings.setpriv(), "--reuid", uid, "--regid", uid, "--clear-groups",
                    "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
        }
        command.addAll(List.of(settings.prlimit(),
                "--cpu=" + limits.cpuSeconds(),
                "--as=" + limits.addressSpaceBytes(),
                "--nproc=" + limits.processes(),
                "--nofile=" + limits.openFiles(),
                "--fsize=" + limits.fileBytes(),
                "--core=0",
                "--"));
        command.addAll(List.of(settings.bwrap(),
                "--unshare-all", "--unshare-user", "--die-with-parent", "--new-session",
                "--uid", uid, "--gid", uid, "--hostname", "sandbox", "--cap-drop", "ALL", "--clearenv",
                "--seccomp", Integer.toString(SECCOMP_FD)));
        for (Bind bind : runtime.binds()) {
            command.addAll(List.of("--ro-bind", bind.source(), bind.target()));
        }
        command.addAll(List.of("--ro-bind", runtime.harness().toString(), LanguageRuntime.HARNESS_PATH,
                "--dev", "/dev",
                "--size", Long.toString(limits.tmpBytes()), "--tmpfs", "/tmp",
                "--remount-ro", "/",
                "--remount-ro", "/dev",
                "--chdir", "/tmp",
                "--"));
        command.addAll(runtime.command());
        return command;
    }

    private FilterFile filter() {
        FilterFile filter = seccomp;
        if (filter == null) {
            throw new SandboxUnavailableException("no seccomp filter");
        }
        return filter;
    }

    private static byte[] readBounded(InputStream in, int max) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            if (buffer.size() + n <= max) {
                buffer.write(chunk, 0, n);
            }
        }
        return buffer.toByteArray();
    }

    private static <T> T awaitQuietly(Future<T> future) {
        try {
            return future.get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // the caller is being stopped: give up the rest, keep its interrupt
            future.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            future.cancel(true);
            return null;
        }
    }

    private static final boolean RUNS_AS_ROOT = readRunsAsRoot();

    private static boolean runsAsRoot() {
        return RUNS_AS_ROOT;
    }

    private static boolean readRunsAsRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.split("\\s+")[2])
                    .anyMatch("0"::equals);
        } catch (IOException e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
