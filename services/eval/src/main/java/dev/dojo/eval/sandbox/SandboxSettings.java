package dev.dojo.eval.sandbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the sandbox is built on this host.
 *
 * @param bwrap          path of the bubblewrap binary
 * @param prlimit        path of util-linux prlimit
 * @param setpriv        path of util-linux setpriv, used only when the service itself runs as root, to drop to
 *                       {@code unprivilegedUid} before bubblewrap so sandboxed processes never map to host root
 * @param shell          trusted shell (outside the sandbox) that moves the run into its cgroup before exec
 * @param unprivilegedUid uid (and gid) the sandboxed code runs as, inside and outside its user namespace
 * @param cgroup         {@code required} (default): no grading without a per-run memory+pids cgroup;
 *                       {@code off}: rely on rlimits and the container's own cgroup (documented trade-off)
 * @param slots          concurrent runs; 0 means one per available processor
 * @param queue          submissions allowed to wait for a slot; beyond that the service answers 503 at once
 * @param perAccount     gradings one account may have in flight plus waiting; beyond that 429
 * @param queueWait      longest a submission waits for a slot before 503
 */
@ConfigurationProperties("dojo.sandbox")
public record SandboxSettings(
        @Bindable(defaultValue = "/usr/bin/bwrap") String bwrap,
        @Bindable(defaultValue = "/usr/bin/prlimit") String prlimit,
        @Bindable(defaultValue = "/usr/bin/setpriv") String setpriv,
        @Bindable(defaultValue = "/bin/sh") String shell,
        @Bindable(defaultValue = "65534") int unprivilegedUid,
        @Bindable(defaultValue = "required") String cgroup,
        @Bindable(defaultValue = "0") int slots,
        @Bindable(defaultValue = "16") int queue,
        @Bindable(defaultValue = "10s") java.time.Duration queueWait,
        @Bindable(defaultValue = "2") int perAccount) {

    public boolean cgroupRequired() {
        return !"off".equalsIgnoreCase(cgroup);
    }

    public int effectiveSlots() {
        return slots > 0 ? slots : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
