package dev.dojo.eval.sandbox;

/** Whether grading is possible, and if not, why (shown by /health/readiness and in logs). */
public record SandboxStatus(boolean available, String detail) {
}
