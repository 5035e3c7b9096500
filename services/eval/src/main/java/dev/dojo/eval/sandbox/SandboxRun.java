package dev.dojo.eval.sandbox;

/**
 * What the service observed about one run, from outside the sandbox.
 *
 * @param results         the harness's answer on stdout (empty when it never wrote one)
 * @param output          the program's own output (stdout and stderr), at most the captured size
 * @param outputTruncated more output was produced than kept
 * @param outputLimit     output went past the limit and the run was killed
 * @param timedOut        the wall clock ran out and the run was killed
 * @param oomKilled       the kernel killed a process of the run's cgroup for memory
 * @param durationMs      wall time of the run
 */
public record SandboxRun(byte[] results, String output, boolean outputTruncated, boolean outputLimit,
                         boolean timedOut, boolean oomKilled, long durationMs) {
}
