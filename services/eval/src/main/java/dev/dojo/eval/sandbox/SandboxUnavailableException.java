package dev.dojo.eval.sandbox;

/** The sandbox cannot be set up on this host: grading fails closed instead of running code unsandboxed. */
public class SandboxUnavailableException extends RuntimeException {
    public SandboxUnavailableException(String reason) {
        super(reason);
    }
}
