package dev.dojo.eval.sandbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * What one sandboxed run may use. Every limit is enforced by the operating system (rlimits, a cgroup, the wall
 * clock kept by the service), never by the submitted code's good will.
 *
 * @param wallTime         killed after this much real time (covers sleeping and blocked programs)
 * @param cpuSeconds       RLIMIT_CPU per process (covers busy loops even when the machine is slow)
 * @param memoryBytes      the run's memory cgroup limit (all of its processes together, tmpfs pages included)
 * @param addressSpaceBytes RLIMIT_AS per process, so huge single allocations fail fast with MemoryError
 * @param pids             the run's pids cgroup limit (fork bombs)
 * @param processes        RLIMIT_NPROC of the sandbox uid (second line of defence; counts all of that uid's tasks)
 * @param openFiles        RLIMIT_NOFILE
 * @param fileBytes        RLIMIT_FSIZE: the largest file the run may write in its private /tmp
 * @param tmpBytes         size of the private /tmp tmpfs
 * @param outputBytes      total output (stdout + stderr) after which the run is killed with output_limit
 * @param capturedOutputBytes how much of the program's output is kept and returned
 */
@ConfigurationProperties("dojo.sandbox.limits")
public record SandboxLimits(
        @Bindable(defaultValue = "3s") Duration wallTime,
        @Bindable(defaultValue = "2") int cpuSeconds,
        @Bindable(defaultValue = "134217728") long memoryBytes,
        @Bindable(defaultValue = "536870912") long addressSpaceBytes,
        @Bindable(defaultValue = "16") int pids,
        @Bindable(defaultValue = "512") int processes,
        @Bindable(defaultValue = "64") int openFiles,
        @Bindable(defaultValue = "1048576") long fileBytes,
        @Bindable(defaultValue = "8388608") long tmpBytes,
        @Bindable(defaultValue = "1048576") long outputBytes,
        @Bindable(defaultValue = "16384") int capturedOutputBytes) {
}
